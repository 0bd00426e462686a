package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import io.rivulet.cli.RivuletCli;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.junit.WithKafkaCluster;

/** The command line against a running wordcount service: trigger a savepoint, then inspect it. */
@WithKafkaCluster
class WordCountSavepointCliIT {

    @TempDir
    Path workDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int rivulet(String... args) {
        CommandLine commandLine = RivuletCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void triggerWaitsForTheSavepointAndInspectShowsWhatItHolds(KafkaCluster kafka) {
        WordCountFixture fixture = new WordCountFixture(kafka, 4);
        try (ServiceProcess service = new ServiceProcess(
                        kafka.bootstrapServers(), workDir, Map.of("RIVULET_APPLICATION_ID", "wordcount-cli"))
                .start()) {
            service.awaitReady();
            fixture.produceLines(200);
            fixture.assertExactlyOnceCounts();

            int exit = rivulet(
                    "savepoint",
                    "trigger",
                    "--service",
                    service.url(),
                    "--target-dir",
                    workDir.resolve("savepoints").toString());
            assertThat(exit).as(err.toString()).isZero();
            String[] lines = out.toString().strip().split("\\R");
            assertThat(lines[0]).matches("savepoint savepoint-[0-9a-f]{8} triggered");
            String location = lines[lines.length - 1];
            assertThat(Path.of(location)).isDirectory().hasParent(workDir.resolve("savepoints"));

            out.getBuffer().setLength(0);
            assertThat(rivulet("savepoint", "inspect", location, "--verify"))
                    .as(err.toString())
                    .isZero();
            assertThat(out.toString())
                    .contains("of application wordcount-cli, format version 1")
                    .contains("tasks: 8")
                    .containsPattern("count-per-word / count: 40 entries")
                    .contains("verified: 40 entries");

            // Without --stop the service goes on.
            fixture.produceLines(100);
            fixture.assertExactlyOnceCounts();
            assertThat(service.status("/q/health/ready")).isEqualTo(200);

            out.getBuffer().setLength(0);
            assertThat(rivulet("savepoint", "trigger", "--service", "http://127.0.0.1:1", "--target-dir", "/x"))
                    .isEqualTo(2);
            assertThat(err.toString()).startsWith("rivulet: ");
        }
    }
}
