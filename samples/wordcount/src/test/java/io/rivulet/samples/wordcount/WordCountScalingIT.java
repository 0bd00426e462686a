package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.junit.WithKafkaCluster;

/** Instances join and leave the group mid-stream; counts stay exact and health says what happens. */
@WithKafkaCluster
class WordCountScalingIT {

    @TempDir
    Path workDir;

    @Test
    void aThirdInstanceJoinsAndOneLeavesMidStream(KafkaCluster kafka) {
        WordCountFixture fixture = new WordCountFixture(kafka, 4);
        Map<String, String> settings = Map.of("RIVULET_APPLICATION_ID", "wordcount-scaling");
        try (ServiceProcess first = new ServiceProcess(kafka.bootstrapServers(), workDir, settings).start();
                ServiceProcess second = new ServiceProcess(kafka.bootstrapServers(), workDir, settings).start();
                ServiceProcess third = new ServiceProcess(kafka.bootstrapServers(), workDir, settings)) {
            first.awaitReady();
            second.awaitReady();
            fixture.produceLines(400);

            third.start();
            fixture.produceLines(400);
            third.awaitReady();
            assertHealthy(first);
            assertHealthy(third);

            assertThat(first.stop()).isIn(0, 143);
            // Whatever tasks it held at that moment (a rebalance may just have moved them all), none closed dirty.
            assertThat(first.log())
                    .contains("Application wordcount-scaling stopped")
                    .doesNotContain("(dirty)");
            fixture.produceLines(400);
            second.awaitReady();
            third.awaitReady();
            fixture.assertExactlyOnceCounts();
            assertHealthy(second);
            assertHealthy(third);
        }
    }

    private static void assertHealthy(ServiceProcess service) {
        assertThat(service.status("/q/health/live")).isEqualTo(200);
        assertThat(service.body("/q/health/ready")).contains("\"rivulet-tasks\"", "\"status\": \"UP\"", "RUNNING");
    }
}
