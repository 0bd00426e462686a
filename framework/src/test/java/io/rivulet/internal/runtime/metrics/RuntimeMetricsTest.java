package io.rivulet.internal.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.runtime.GroupView;
import io.rivulet.internal.runtime.RuntimeConfig;
import io.rivulet.internal.runtime.RuntimeConfigs;
import io.rivulet.internal.runtime.StreamsRuntime;
import io.rivulet.internal.runtime.thread.TaskStatus;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * The meters tell the truth: two instances sharing the group count exactly the records there were, the lag
 * returns to zero once the input is drained, and commits are timed.
 */
@WithKafkaCluster
class RuntimeMetricsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int RECORDS = 2_000;

    @TempDir
    Path stateDir;

    /** Upper-cases each word, keyed, so that every record crosses a repartition topic. */
    static final class Upper extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String word, Context ctx, Collector<String> out) {
            out.collect(word.toUpperCase());
        }
    }

    private StreamsRuntime start(KafkaCluster kafka, MeterRegistry registry, String instance) {
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values("metered-in", Serdes.string()))
                .keyBy(word -> word, Serdes.string(), Serdes.string())
                .process(new Upper())
                .uid("upper")
                .sinkTo(KafkaSink.values("metered-out", Serdes.string()));
        RuntimeConfig config = RuntimeConfigs.exactlyOnce(
                        "metered", kafka.bootstrapServers(), stateDir.resolve(instance))
                .withDefaultAdvertisedUrl("http://" + instance + ".metered:8080");
        return StreamsRuntime.start(config, JobGraphs.of(job), registry, error -> {});
    }

    private static double counted(List<MeterRegistry> registries, String name, String topic) {
        return registries.stream()
                .flatMap(registry -> registry.find(name).tag("topic", topic).counters().stream())
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    @Test
    void twoInstancesCountExactlyTheRecordsThereWereAndTheLagReturnsToZero(KafkaCluster kafka) throws Exception {
        kafka.createTopic("metered-in", 4);
        kafka.createTopic("metered-out", 1);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            words.add("w" + i % 37);
        }
        MeterRegistry first = new SimpleMeterRegistry();
        MeterRegistry second = new SimpleMeterRegistry();
        List<MeterRegistry> registries = List.of(first, second);
        try (StreamsRuntime one = start(kafka, first, "one");
                StreamsRuntime two = start(kafka, second, "two")) {
            TestRecords.produceValues(kafka.bootstrapServers(), "metered-in", words);
            assertThat(TestRecords.readCommitted(kafka.bootstrapServers(), "metered-out", RECORDS, TIMEOUT))
                    .hasSize(RECORDS);
            Await.until(
                    TIMEOUT,
                    "the counters reflect every committed record",
                    () -> counted(registries, "rivulet.records.consumed", "metered-in") >= RECORDS
                            && counted(registries, "rivulet.records.produced", "metered-out") >= RECORDS);
            assertThat(counted(registries, "rivulet.records.consumed", "metered-in"))
                    .isEqualTo(RECORDS);
            assertThat(counted(registries, "rivulet.records.produced", "metered-out"))
                    .isEqualTo(RECORDS);
            // Every input record went through the repartition topic once too (besides watermark markers).
            assertThat(counted(registries, "rivulet.records.produced", "metered-repartition-0"))
                    .isGreaterThanOrEqualTo(RECORDS);

            Await.until(TIMEOUT, "the lag of every input partition is back to zero", () -> {
                List<Gauge> lags = registries.stream()
                        .flatMap(registry ->
                                registry
                                        .find("rivulet.consumer.lag.records")
                                        .tag("topic", "metered-in")
                                        .gauges()
                                        .stream())
                        .toList();
                return lags.size() == 4 && lags.stream().allMatch(gauge -> gauge.value() == 0);
            });
            // Every output record's end-to-end latency, once.
            assertThat(registries.stream()
                            .mapToLong(registry -> registry.get("rivulet.end.to.end.latency")
                                    .timer()
                                    .count())
                            .sum())
                    .isEqualTo(RECORDS);
            assertThat(registries.stream()
                            .mapToLong(registry -> registry.get("rivulet.commit.duration")
                                    .timer()
                                    .count())
                            .sum())
                    .isPositive();
            assertThat(registries.stream()
                            .flatMap(registry -> registry.find("rivulet.busy.ratio").gauges().stream())
                            .mapToDouble(Gauge::value))
                    .hasSize(2)
                    .allMatch(ratio -> ratio >= 0 && ratio <= 1);

            // What the web UI shows: each instance's tasks, and the group as the coordinator describes it.
            Await.until(TIMEOUT, "the eight tasks run, each on one instance", () -> {
                List<String> ids = Stream.of(one, two)
                        .flatMap(runtime -> runtime.tasks().stream())
                        .filter(task -> task.state().equals("RUNNING"))
                        .map(TaskStatus::id)
                        .sorted()
                        .toList();
                return ids.equals(List.of("0_0", "0_1", "0_2", "0_3", "1_0", "1_1", "1_2", "1_3"));
            });
            // The assignment tells every instance where each partition is, and at which URL (once the cooperative
            // rebalance settled: in between, a partition revoked from one member is nobody's for a generation).
            Await.until(TIMEOUT, "both instances know where every task runs", () -> {
                for (StreamsRuntime runtime : List.of(one, two)) {
                    for (StreamsRuntime owner : List.of(one, two)) {
                        for (TaskStatus task : owner.tasks()) {
                            boolean located = runtime.locations()
                                    .ownerOf(task.input())
                                    .filter(location -> location.processId().equals(owner.processId()))
                                    .filter(location -> location.advertisedUrl()
                                            .equals(owner.config().advertisedUrl()))
                                    .isPresent();
                            if (!located) {
                                return false;
                            }
                        }
                    }
                }
                return one.locations().instances().size() == 2;
            });
            // The coordinator's view and the instances' own (published every auto-watermark interval) agree once the
            // cooperative rebalance settled; in between, a task handed over is a replica on its new owner.
            Await.until(TIMEOUT, "the coordinator assigned each instance the tasks it runs", () -> {
                GroupView group = one.group(TIMEOUT);
                if (group.instances().size() != 2) {
                    return false;
                }
                for (StreamsRuntime runtime : List.of(one, two)) {
                    GroupView.Instance instance = group.instances().stream()
                            .filter(candidate -> candidate.processId().equals(runtime.processId()))
                            .findFirst()
                            .orElseThrow();
                    assertThat(instance.self()).isEqualTo(runtime == one);
                    assertThat(instance.advertisedUrl())
                            .isEqualTo(runtime.config().advertisedUrl());
                    List<String> assigned = instance.members().stream()
                            .flatMap(member -> member.tasks().stream())
                            .sorted()
                            .toList();
                    List<String> running = runtime.tasks().stream()
                            .filter(task -> task.state().equals("RUNNING"))
                            .map(TaskStatus::id)
                            .sorted()
                            .toList();
                    if (!assigned.equals(running)) {
                        return false;
                    }
                }
                return true;
            });
            assertThat(one.config().advertisedUrl()).contains("http://one.metered:8080");
            assertThat(Stream.of(one, two).flatMap(runtime -> runtime.metrics().recentCommits().stream()))
                    .isNotEmpty()
                    .allMatch(commit -> commit.durationNanos() > 0 && commit.tasks() > 0);
        }
    }
}
