package io.rivulet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.job.JobHealth;
import io.rivulet.api.job.RunningJob;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.testfunctions.Echo;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/** A job started from plain Java: its configuration, lifecycle, health and failure, on a real broker. */
@WithKafkaCluster
class RivuletTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    @Test
    void aJobRunsFromAMapOfRivuletKeysUntilClosed(KafkaCluster kafka) throws Exception {
        kafka.createTopic("plain-in", 2);
        kafka.createTopic("plain-out", 1);
        TestRecords.produceValues(kafka.bootstrapServers(), "plain-in", List.of("a", "b", "c"));

        RunningJob job = Rivulet.start(
                echo("plain-in", "plain-out", WatermarkStrategy.noWatermarks()),
                config(
                        kafka,
                        "plain",
                        Map.of("rivulet.num-threads", "2", "rivulet.kafka.auto.offset.reset", "earliest")));
        try (job) {
            assertThat(job.awaitReady(TIMEOUT)).isTrue();
            assertThat(job.state()).isEqualTo(RunningJob.State.RUNNING);
            JobHealth health = job.health();
            assertThat(health.alive()).isTrue();
            assertThat(health.ready()).isTrue();
            assertThat(health.threads())
                    .extracting(JobHealth.ThreadHealth::name)
                    .containsExactly("plain-StreamThread-1", "plain-StreamThread-2");
            Await.until(
                    TIMEOUT,
                    "the four tasks spread over the threads",
                    () -> job.health().threads().stream()
                                    .mapToInt(JobHealth.ThreadHealth::taskCount)
                                    .sum()
                            == 4);
            assertThat(TestRecords.readCommitted(kafka.bootstrapServers(), "plain-out", 3, TIMEOUT))
                    .extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("a", "b", "c");
            Await.until(
                    TIMEOUT,
                    "every task in the health snapshot",
                    () -> job.health().tasks().size() == 4);
            assertThat(job.health().tasks())
                    .as("a job without watermarks has none to show")
                    .allSatisfy(task -> assertThat(task.watermark()).isEmpty());
            assertThat(job.failure()).isEmpty();
        }
        assertThat(job.state()).isEqualTo(RunningJob.State.CLOSED);
        assertThat(job.awaitTermination(Duration.ZERO)).isTrue();
        assertThat(job.health().threads())
                .extracting(JobHealth.ThreadHealth::state)
                .containsOnly(RunningJob.State.CLOSED);
        assertThatThrownBy(() -> job.awaitReady(TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        job.close();
    }

    @Test
    void theHealthShowsEachTasksWatermarkOnceItHasOne(KafkaCluster kafka) throws Exception {
        kafka.createTopic("timed-in", 1);
        kafka.createTopic("timed-out", 1);
        TestRecords.produceValues(kafka.bootstrapServers(), "timed-in", List.of("5000"));
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofSeconds(1))
                .withTimestampAssigner((value, ts) -> Long.parseLong(value));
        try (RunningJob job =
                Rivulet.start(echo("timed-in", "timed-out", strategy), config(kafka, "timed", Map.of()))) {
            assertThat(TestRecords.readCommitted(kafka.bootstrapServers(), "timed-out", 1, TIMEOUT))
                    .hasSize(1);
            Await.until(
                    TIMEOUT,
                    "task watermarks 0_0 and 1_0 at 3999",
                    () -> job.health()
                            .tasks()
                            .equals(List.of(
                                    new JobHealth.TaskHealth("0_0", OptionalLong.of(3_999)),
                                    new JobHealth.TaskHealth("1_0", OptionalLong.of(3_999)))));
        }
    }

    @Test
    void aRecordThatFailsUnderFailStopsTheJobWithTheCause(KafkaCluster kafka) throws Exception {
        kafka.createTopic("failing-in", 1);
        kafka.createTopic("failing-out", 1);
        TestRecords.produceValues(kafka.bootstrapServers(), "failing-in", List.of("fine", "boom"));
        JobBuilder builder = new JobBuilder();
        builder.fromSource(KafkaSource.values("failing-in", Serdes.string()))
                .map(value -> {
                    if (value.equals("boom")) {
                        throw new IllegalArgumentException("boom");
                    }
                    return value;
                })
                .sinkTo(KafkaSink.values("failing-out", Serdes.string()));

        RunningJob job = Rivulet.start(builder, config(kafka, "failing", Map.of()));
        try (job) {
            assertThat(job.awaitTermination(TIMEOUT)).isTrue();
            assertThat(job.state()).isEqualTo(RunningJob.State.FAILED);
            assertThat(job.failure())
                    .get(InstanceOfAssertFactories.THROWABLE)
                    .hasMessageContaining("topic failing-in, partition 0, offset 1")
                    .hasRootCauseMessage("boom");
            assertThat(job.health().alive()).isFalse();
            assertThatThrownBy(() -> job.awaitReady(TIMEOUT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("failed")
                    .hasCauseReference(job.failure().orElseThrow());
        }
        assertThat(job.state()).as("close after a failure keeps the failure").isEqualTo(RunningJob.State.FAILED);
        assertThat(TestRecords.readAllCommitted(kafka.bootstrapServers(), "failing-out", TIMEOUT))
                .extracting(ConsumerRecord::value)
                .doesNotContain("boom");
    }

    @Test
    void anInvalidConfigurationFailsStartNamingTheKey(KafkaCluster kafka) {
        JobBuilder job = echo("never-in", "never-out", WatermarkStrategy.noWatermarks());
        assertThatThrownBy(() -> Rivulet.start(job, Map.of("rivulet.application-id", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration key rivulet.kafka.bootstrap-servers is not set");
        assertThatThrownBy(() -> Rivulet.start(job, config(kafka, "a", Map.of("rivulet.comit-interval", "1s"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rivulet.comit-interval");
        assertThatThrownBy(() -> Rivulet.start(job, config(kafka, "a", Map.of("rivulet.num-threads", "none"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rivulet.num-threads")
                .hasMessageContaining("a whole number, at least 1");
        assertThatThrownBy(() -> Rivulet.start(job, config(kafka, "a", Map.of("rivulet.kafka.group.id", "g"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rivulet.kafka.group.id")
                .hasMessageContaining("rivulet.application-id");
    }

    private static JobBuilder echo(String input, String output, WatermarkStrategy<String> strategy) {
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values(input, Serdes.string()), strategy)
                .keyBy(value -> value, Serdes.string(), Serdes.string())
                .process(new Echo())
                .uid("echo")
                .sinkTo(KafkaSink.values(output, Serdes.string()));
        return job;
    }

    private Map<String, String> config(KafkaCluster kafka, String applicationId, Map<String, String> more) {
        Map<String, String> config = new HashMap<>(Map.of(
                "rivulet.application-id", applicationId,
                "rivulet.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "rivulet.state-dir", stateDir.toString()));
        config.putAll(more);
        return config;
    }
}
