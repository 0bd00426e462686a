package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.job.JobHealth;
import io.rivulet.api.job.RunningJob;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.junit.WithKafkaCluster;

/** The word count without Quarkus ({@link WordCountMain}, the README's example), exactly once on a real broker. */
@WithKafkaCluster
class WordCountMainIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @Test
    void mainRunsTheJobUntilSigtermThenLeavesTheGroup(KafkaCluster kafka) throws Exception {
        WordCountFixture fixture = new WordCountFixture(kafka, 2);
        fixture.produceLines(200);
        Path output = workDir.resolve("main.out");
        Process main = startMain(kafka.bootstrapServers(), output);
        try {
            fixture.assertExactlyOnceCounts();
            Await.until(
                    TIMEOUT,
                    "main reports the job running",
                    () -> Files.readString(output).contains("Word count running"));
        } finally {
            main.destroy();
            assertThat(main.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("main exits on SIGTERM; output: %s", output)
                    .isTrue();
        }
        assertThat(main.exitValue())
                .as("exit code; output:%n%s", Files.readString(output))
                .isIn(0, 143);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.describeConsumerGroups(List.of("wordcount"))
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .get("wordcount")
                            .members())
                    .as("members of the group after a clean stop")
                    .isEmpty();
        }
    }

    @Test
    void aRestartedJobResumesFromItsCommittedStateWithoutRestoring(KafkaCluster kafka) throws Exception {
        WordCountFixture fixture = new WordCountFixture(kafka, 2);
        Map<String, String> config = Map.of(
                "rivulet.application-id", "wordcount-plain",
                "rivulet.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "rivulet.state-dir", workDir.resolve("state").toString());
        fixture.produceLines(200);
        RunningJob job = WordCountMain.start(config);
        try (job) {
            assertThat(job.awaitReady(TIMEOUT)).isTrue();
            fixture.assertExactlyOnceCounts();
            assertThat(job.health().tasks())
                    .extracting(JobHealth.TaskHealth::id)
                    .containsExactly("0_0", "0_1", "1_0", "1_1");
            assertThat(job.health().tasks())
                    .as("no watermark strategy, no watermarks")
                    .allSatisfy(task -> assertThat(task.watermark()).isEmpty());
        }
        assertThat(job.state()).isEqualTo(RunningJob.State.CLOSED);

        fixture.produceLines(100);
        try (RunningJob restarted = WordCountMain.start(config)) {
            assertThat(restarted.awaitReady(TIMEOUT)).isTrue();
            assertThat(restarted.health().restoredRecords())
                    .as("changelog records restored after a clean stop")
                    .isZero();
            fixture.assertExactlyOnceCounts();
        }
    }

    /** Runs {@code main} as the README says, on the packaged service's classpath, with its state under the work directory. */
    private Process startMain(String bootstrapServers, Path output) throws IOException {
        Path app = Path.of(System.getProperty("service.jar")).getParent();
        String classpath = String.join(
                File.pathSeparator,
                List.of(
                        app.resolve("app/*").toString(),
                        app.resolve("lib/boot/*").toString(),
                        app.resolve("lib/main/*").toString()));
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                        "-Djava.io.tmpdir=" + tmp,
                        "-cp",
                        classpath,
                        WordCountMain.class.getName(),
                        bootstrapServers)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }
}
