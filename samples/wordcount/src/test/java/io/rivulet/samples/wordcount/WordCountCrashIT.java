package io.rivulet.samples.wordcount;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/** SIGKILL mid-stream, several times: every word's counts are still exactly 1..n. */
@WithKafkaCluster
class WordCountCrashIT {

    private static final int KILLS = 3;
    private static final int BATCHES = 12;

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "exactly_once with {0} stream thread(s)")
    @ValueSource(ints = {1, 2})
    void countsStayExactAcrossRepeatedSigkills(int threads, KafkaCluster kafka) {
        WordCountFixture fixture = new WordCountFixture(kafka, 4);
        // Static membership, as the Kubernetes manifests use it: the restarted instance takes its old place in
        // the group at once instead of waiting out the killed member's session timeout.
        Map<String, String> settings = Map.of(
                "RIVULET_APPLICATION_ID", "wordcount-crash-" + threads,
                "RIVULET_NUM_THREADS", String.valueOf(threads),
                "RIVULET_GROUP_INSTANCE_ID", "wordcount-crash-" + threads + "-0");
        try (ServiceProcess service = new ServiceProcess(kafka.bootstrapServers(), workDir, settings)
                .start()
                .awaitReady()) {
            for (int batch = 0; batch < BATCHES; batch++) {
                fixture.produceLines(150);
                if (batch % (BATCHES / KILLS) == 1) {
                    long before = committedOutput(kafka);
                    // Kill while the service is busy: once some of this batch's output is committed.
                    Await.until(Duration.ofSeconds(60), "output past " + before, () -> committedOutput(kafka) > before);
                    service.kill();
                    service.start().awaitReady();
                }
            }
            fixture.assertExactlyOnceCounts();
        }
    }

    private static long committedOutput(KafkaCluster kafka) {
        return TestRecords.readAllCommitted(kafka.bootstrapServers(), WordCountJob.OUTPUT, Duration.ofSeconds(30))
                .size();
    }
}
