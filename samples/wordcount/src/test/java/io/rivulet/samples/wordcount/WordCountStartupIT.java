package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.TcpForwarder;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * A service started before its Kafka cluster is reachable (a wrong or not-yet-resolvable bootstrap address, a cluster
 * still starting): its HTTP endpoints answer at once, liveness is UP and readiness DOWN naming what it waits for, the
 * log says so once rather than at every attempt, and the job starts by itself when the cluster appears — or, with
 * {@code rivulet.startup.kafka-timeout}, the service fails with a message naming the bootstrap servers.
 */
@WithKafkaCluster
class WordCountStartupIT {

    private static final String WAITING = "Waiting for the Kafka cluster at ";

    @TempDir
    Path workDir;

    @Test
    void aServiceStartedBeforeItsClusterAnswersHealthAndStartsTheJobWhenTheClusterAppears(KafkaCluster kafka) {
        WordCountFixture fixture = new WordCountFixture(kafka, 2);
        int port = TcpForwarder.freePort();
        String bootstrap = "127.0.0.1:" + port;
        try (ServiceProcess service =
                new ServiceProcess(bootstrap, workDir, Map.of("RIVULET_APPLICATION_ID", "wordcount-startup")).start()) {
            Await.until(Duration.ofSeconds(60), "liveness UP while the cluster is unreachable", () -> {
                assertThat(service.alive()).as(service.log()).isTrue();
                return service.status("/q/health/live") == 200;
            });
            long waitingSince = System.nanoTime();
            assertThat(service.status("/q/health/ready")).isEqualTo(503);
            assertThat(service.body("/q/health/ready"))
                    .contains("waiting for the Kafka cluster at " + bootstrap, "Connection refused");
            assertThat(service.status("/q/metrics")).isEqualTo(200);
            // Several attempts later (one a second), the log still says it once.
            Await.until(
                    Duration.ofSeconds(30),
                    "five seconds of waiting",
                    () -> System.nanoTime() - waitingSince
                                    > Duration.ofSeconds(5).toNanos()
                            && service.status("/q/health/ready") == 503);
            assertThat(service.log().lines().filter(line -> line.contains(WAITING)))
                    .as("the log says once that it waits")
                    .hasSize(1)
                    .allMatch(line -> line.contains(bootstrap) && line.contains("the job starts once it is reachable"));
            assertThat(service.log()).doesNotContain("could not be established");

            try (TcpForwarder cluster = TcpForwarder.start(port, kafka.bootstrapServers())) {
                service.awaitReady();
                fixture.produceLines(200);
                fixture.assertExactlyOnceCounts();
            }
        }
    }

    @Test
    void withAStartUpDeadlineAServiceWhoseClusterNeverAnswersFailsNamingTheBootstrapServers() {
        String bootstrap = "127.0.0.1:" + TcpForwarder.freePort();
        try (ServiceProcess service = new ServiceProcess(
                        bootstrap,
                        workDir,
                        Map.of("RIVULET_APPLICATION_ID", "wordcount-deadline", "RIVULET_STARTUP_KAFKA_TIMEOUT", "3s"))
                .start()) {
            assertThat(service.waitForExit()).isEqualTo(1);
            assertThat(service.log())
                    .contains(
                            "Stopping the service: the Kafka cluster at " + bootstrap + " was not reachable within 3s")
                    .contains("check rivulet.kafka.bootstrap-servers");
        }
    }
}
