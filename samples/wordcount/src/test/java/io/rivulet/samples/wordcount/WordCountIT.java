package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.junit.WithKafkaCluster;

@WithKafkaCluster
class WordCountIT {

    @TempDir
    Path workDir;

    @Test
    void countsAreRightForAKnownInput(KafkaCluster kafka) {
        WordCountFixture fixture = new WordCountFixture(kafka, 2);
        fixture.produceLine("Hello, hello world!", Map.of("hello", 2L, "world", 1L));
        fixture.produceLine(
                "the world -- THE end; 42 ends", Map.of("the", 2L, "world", 1L, "end", 1L, "42", 1L, "ends", 1L));
        fixture.produceLine("  ", Map.of());
        try (ServiceProcess service = new ServiceProcess(kafka.bootstrapServers(), workDir, Map.of())
                .start()
                .awaitReady()) {
            fixture.assertExactlyOnceCounts();
            assertThat(service.status("/q/health/live")).isEqualTo(200);
            assertThat(service.body("/q/health/ready"))
                    .containsPattern("\"wordcount-StreamThread-1\"\\s*:\\s*\"RUNNING, tasks=4\"")
                    .as("a job without watermarks shows none, not Long.MIN_VALUE")
                    .containsPattern("\"watermark 1_1\"\\s*:\\s*\"none yet\"")
                    .doesNotContain(String.valueOf(Long.MIN_VALUE));
            // Prometheus at /q/metrics: the three lines were consumed by the source tasks, counted on commit.
            String metrics = service.body("/q/metrics");
            assertThat(metrics)
                    .contains("rivulet_commit_duration_seconds_bucket", "rivulet_commits_total", "rivulet_busy_ratio{")
                    .containsPattern("rivulet_state_size_bytes\\{task=\"1_0\"}\\s+[1-9]")
                    .containsPattern("rivulet_end_to_end_latency_seconds_count\\s+9\\.0")
                    .containsPattern("rivulet_records_produced_total\\{topic=\"word-counts\"}\\s+9\\.0")
                    .containsPattern("rivulet_consumer_lag_records\\{partition=\"0\",topic=\"text-lines\"}\\s+0\\.0");
            assertThat(service.body("/rivulet/api/job"))
                    .contains("\"uid\":\"count-per-word\"", "\"repartition-topic\":\"wordcount-repartition-0\"")
                    .contains("\"changelog\":\"wordcount-count-per-word-changelog\"");
            // The task figures follow a commit at the next periodic emission.
            Await.until(
                    Duration.ofSeconds(30),
                    "the tasks' figures show 3 lines and their 9 words",
                    () -> Pattern.compile("\"records-consumed\":(\\d+)")
                                    .matcher(service.body("/rivulet/api/tasks"))
                                    .results()
                                    .mapToLong(result -> Long.parseLong(result.group(1)))
                                    .sum()
                            == 12);
            assertThat(service.body("/rivulet/api/tasks"))
                    .containsPattern("\"id\":\"0_0\",\"thread\":\"wordcount-StreamThread-1\",\"state\":\"RUNNING\","
                            + "\"input\":\"text-lines-0\",\"changelogs\":\\[],")
                    .containsPattern("\"id\":\"1_1\".*\"changelogs\":\\[\"wordcount-count-per-word-changelog-1\"]")
                    .contains("\"late-records\":{}", "\"commits\":[{\"thread\":\"wordcount-StreamThread-1\"")
                    .doesNotContain("\"watermark\"");
            assertThat(service.body("/rivulet/api/group"))
                    .contains("\"group-id\":\"wordcount\"", "\"self\":true", "\"host\":\"127.0.0.1\"")
                    .contains("\"tasks\":[\"0_0\",\"0_1\",\"1_0\",\"1_1\"]");
            assertThat(service.body("/rivulet/savepoints")).isEqualTo("[]");
            assertThat(service.status("/rivulet/")).isEqualTo(200);
            assertThat(service.log())
                    .as("the extension's build-time half ran: Quarkus lists its feature")
                    .containsPattern("Installed features: \\[.*\\brivulet\\b");
            assertThat(service.status("/webjars/echarts/5.3.1/dist/echarts.min.js"))
                    .as("the UI's graph library, from its WebJar")
                    .isEqualTo(200);
            double consumed = 0;
            Matcher lines = Pattern.compile(
                            "rivulet_records_consumed_total\\{task=\"0_\\d\",topic=\"text-lines\"}\\s+([0-9.]+)")
                    .matcher(metrics);
            while (lines.find()) {
                consumed += Double.parseDouble(lines.group(1));
            }
            assertThat(consumed).isEqualTo(3.0);
            assertThat(service.stop()).isIn(0, 143);
            assertThat(service.log()).contains("Closed task 1_0 (clean)", "Closed task 1_1 (clean)");
        }
    }

    @Test
    void aCleanRestartRestoresNothingAndACrashOnlyTheTail(KafkaCluster kafka) {
        WordCountFixture fixture = new WordCountFixture(kafka, 2);
        Map<String, String> settings = Map.of("RIVULET_APPLICATION_ID", "wordcount-restore");
        try (ServiceProcess service = new ServiceProcess(kafka.bootstrapServers(), workDir, settings)
                .start()
                .awaitReady()) {
            fixture.produceLines(400);
            fixture.assertExactlyOnceCounts();
            assertThat(service.stop()).isIn(0, 143);

            service.start().awaitReady();
            assertThat(restoredRecords(service))
                    .as("records restored after a clean restart")
                    .isZero();

            fixture.produceLines(400);
            fixture.assertExactlyOnceCounts();
            service.kill();
            service.start().awaitReady();
            long changelogRecords = fixture.expectedOccurrences();
            long restored = restoredRecords(service);
            assertThat(restored)
                    .as("records restored after a crash (the changelog holds %d)", changelogRecords)
                    .isLessThan(changelogRecords / 4);
            fixture.produceLines(100);
            fixture.assertExactlyOnceCounts();
        }
    }

    @Test
    void kafkaSettingsFromTheEnvironmentReachTheClientsAndOnesRivuletOwnsFailStartUp(KafkaCluster kafka) {
        Map<String, String> reporter = Map.of("RIVULET_KAFKA_METRIC_REPORTERS", "com.example.NoSuchReporter");
        try (ServiceProcess service = new ServiceProcess(kafka.bootstrapServers(), workDir, reporter).start()) {
            assertThat(service.waitForExit()).isEqualTo(1);
            assertThat(service.log())
                    .as("the client got metric.reporters from RIVULET_KAFKA_METRIC_REPORTERS")
                    .contains(
                            "Class com.example.NoSuchReporter cannot be found", "CommonClientConfigs.metricsReporters");
        }
        Map<String, String> owned = Map.of("RIVULET_KAFKA_ISOLATION_LEVEL", "read_uncommitted");
        try (ServiceProcess service = new ServiceProcess(kafka.bootstrapServers(), workDir, owned).start()) {
            assertThat(service.waitForExit()).isEqualTo(1);
            assertThat(service.log())
                    .contains("configuration key rivulet.kafka.isolation.level (RIVULET_KAFKA_ISOLATION_LEVEL)"
                            + " cannot be set: Rivulet always reads read_committed");
        }
    }

    private static long restoredRecords(ServiceProcess service) {
        Matcher matcher =
                Pattern.compile("\"restored-records\"\\s*:\\s*(\\d+)").matcher(service.body("/q/health/ready"));
        assertThat(matcher.find()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
