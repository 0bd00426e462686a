package io.rivulet.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.sink.ProcessingGuarantee;
import io.rivulet.testfunctions.CountElements;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * Event-time windows behind a shuffle, on the real broker: the watermark crosses the repartition topic as
 * the minimum over the upstream tasks, so windows fire once complete and never early, and an input
 * partition without data holds event time back unless the source declares idleness.
 */
@WithKafkaCluster
class EventTimeWindowsTest {

    private static final long WINDOW = 10_000;
    private static final long SECOND = 1_000;

    @TempDir
    Path stateDir;

    /** {@code region,windowStart,count}. */
    static final class Describe extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String region, Context context, Iterable<Long> counts, Collector<String> out) {
            out.collect(region + "," + context.window().getStart() + ","
                    + counts.iterator().next());
        }
    }

    private static long timestampOf(String reading) {
        return Long.parseLong(reading.split(",")[1]);
    }

    /** Sensor {@code s<n>} belongs to region {@code r<n mod 2>}: the keyBy moves readings to a new key. */
    private static String regionOf(String reading) {
        return "r" + Integer.parseInt(reading.split(",")[0].substring(1)) % 2;
    }

    private JobBuilder regionCounts(String input, String output, WatermarkStrategy<String> strategy) {
        JobBuilder job = new JobBuilder();
        job.fromSource(
                        KafkaSource.values(input, Serdes.string()),
                        strategy.withTimestampAssigner((r, ts) -> timestampOf(r)))
                .keyBy(EventTimeWindowsTest::regionOf, Serdes.string(), Serdes.string())
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW)))
                .aggregate(new CountElements<String>(), Serdes.longs(), new Describe())
                .uid("region-counts")
                .sinkTo(KafkaSink.values(output, Serdes.string()));
        return job;
    }

    private RuntimeConfig config(String applicationId, KafkaCluster kafka) {
        return new RuntimeConfig(
                applicationId,
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                stateDir,
                ProcessingGuarantee.EXACTLY_ONCE,
                Duration.ofMillis(100),
                1,
                ErrorPolicy.FAIL,
                ErrorPolicy.FAIL,
                Optional.empty(),
                false);
    }

    private static List<String> produce(
            KafkaCluster kafka, String topic, int partition, int firstSensor, long fromSecond, long toSecond) {
        List<String> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = TestRecords.stringProducer(kafka.bootstrapServers())) {
            for (long second = fromSecond; second < toSecond; second++) {
                String reading = "s" + (firstSensor + second % 3) + "," + second * SECOND;
                producer.send(new ProducerRecord<>(topic, partition, null, reading));
                sent.add(reading);
            }
        }
        return sent;
    }

    private static Map<String, Long> expectedCounts(List<String> readings, long beforeTimestamp) {
        Map<String, Long> counts = new TreeMap<>();
        for (String reading : readings) {
            long ts = timestampOf(reading);
            if (ts < beforeTimestamp) {
                counts.merge(regionOf(reading) + "," + (ts - ts % WINDOW), 1L, Long::sum);
            }
        }
        return counts;
    }

    private static List<String> output(KafkaCluster kafka, String topic) {
        return TestRecords.readAllCommitted(kafka.bootstrapServers(), topic, Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    @Test
    void aTwoStageJobFiresWindowsAfterTheShuffleOnceCompleteAndNeverEarly(KafkaCluster kafka) {
        kafka.createTopic("readings", 3);
        kafka.createTopic("region-counts", 1);
        List<String> readings = new ArrayList<>();
        // Partition 0 runs ahead to 100 s; partitions 1 and 2 only reach 20 s, so event time after the shuffle
        // is 20 s - 1 ms: [0 s, 10 s) may fire, nothing later may.
        readings.addAll(produce(kafka, "readings", 0, 0, 0, 100));
        readings.addAll(produce(kafka, "readings", 1, 3, 0, 20));
        readings.addAll(produce(kafka, "readings", 2, 6, 0, 20));
        try (StreamsRuntime runtime = StreamsRuntime.start(
                config("two-stage", kafka),
                JobGraphs.of(regionCounts("readings", "region-counts", WatermarkStrategy.forMonotonousTimestamps())),
                error -> {})) {
            Map<String, Long> firstWindows = expectedCounts(readings, WINDOW);
            Await.until(
                    Duration.ofSeconds(60),
                    "the windows of [0 s, 10 s) of both regions",
                    () -> output(kafka, "region-counts").size() >= firstWindows.size());
            Await.holdsFor(
                    Duration.ofSeconds(2),
                    "no window after [0 s, 10 s) fires while partitions 1 and 2 are at 20 s",
                    () -> output(kafka, "region-counts").size() == firstWindows.size());

            readings.addAll(produce(kafka, "readings", 1, 3, 20, 100));
            readings.addAll(produce(kafka, "readings", 2, 6, 20, 100));
            for (int partition = 0; partition < 3; partition++) {
                // A reading at 200 s on every partition moves event time past 100 s everywhere.
                readings.addAll(produce(kafka, "readings", partition, 0, 200, 201));
            }
            Map<String, Long> expected = expectedCounts(readings, 100 * SECOND);
            Await.until(
                    Duration.ofSeconds(60),
                    "every window up to 100 s",
                    () -> output(kafka, "region-counts").size() >= expected.size());
            Map<String, Long> emitted = new TreeMap<>();
            for (String line : output(kafka, "region-counts")) {
                String[] fields = line.split(",");
                assertThat(emitted.put(fields[0] + "," + fields[1], Long.parseLong(fields[2])))
                        .as("window %s fired once", line)
                        .isNull();
            }
            assertThat(emitted).isEqualTo(expected);
        }
    }

    @Test
    void aLateReadingIsCountedForItsOperatorOnceItsRecordCommits(KafkaCluster kafka) {
        kafka.createTopic("late-readings", 1);
        kafka.createTopic("late-counts", 1);
        MeterRegistry registry = new SimpleMeterRegistry();
        try (StreamsRuntime runtime = StreamsRuntime.start(
                config("late", kafka),
                JobGraphs.of(regionCounts("late-readings", "late-counts", WatermarkStrategy.forMonotonousTimestamps())),
                registry,
                error -> {})) {
            TestRecords.produceValues(kafka.bootstrapServers(), "late-readings", List.of("s0,1000", "s0,25000"));
            Await.until(
                    Duration.ofSeconds(60),
                    "the window [0 s, 10 s) fired",
                    () -> output(kafka, "late-counts").contains("r0,0,1"));
            // Behind the watermark, and the window allows no lateness: dropped with the warning, and counted.
            TestRecords.produceValues(kafka.bootstrapServers(), "late-readings", List.of("s0,2000"));
            Await.until(
                    Duration.ofSeconds(60),
                    "the late reading counted",
                    () -> registry.find("rivulet.late.records").tag("operator", "region-counts").counters().stream()
                                    .mapToDouble(counter -> counter.count())
                                    .sum()
                            == 1.0);
        }
    }

    @Test
    void anIdlePartitionHoldsTheWatermarkBackUnlessTheSourceDeclaresIdleness(KafkaCluster kafka) {
        kafka.createTopic("sparse", 2);
        kafka.createTopic("sparse-held", 1);
        kafka.createTopic("sparse-idle", 1);
        List<String> readings = produce(kafka, "sparse", 0, 0, 0, 30);

        WatermarkStrategy<String> plain = WatermarkStrategy.forBoundedOutOfOrderness(Duration.ZERO);
        try (StreamsRuntime runtime = StreamsRuntime.start(
                config("sparse-held", kafka),
                JobGraphs.of(regionCounts("sparse", "sparse-held", plain)),
                error -> {})) {
            Await.until(
                    Duration.ofSeconds(60),
                    "source task 0_0 at 29 s",
                    () -> runtime.watermarks().getOrDefault("0_0", Long.MIN_VALUE) == 29 * SECOND - 1);
            Await.holdsFor(
                    Duration.ofSeconds(2),
                    "partition 1, without data, holds event time after the shuffle back",
                    () -> runtime.watermarks().get("1_0") == Long.MIN_VALUE
                            && output(kafka, "sparse-held").isEmpty());
        }

        WatermarkStrategy<String> idle = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ZERO)
                .withIdleness(Duration.ofMillis(500));
        try (StreamsRuntime runtime = StreamsRuntime.start(
                config("sparse-idle", kafka), JobGraphs.of(regionCounts("sparse", "sparse-idle", idle)), error -> {})) {
            Map<String, Long> expected = expectedCounts(readings, 20 * SECOND);
            Await.until(
                    Duration.ofSeconds(60),
                    "the windows before 20 s, once partition 1 is idle",
                    () -> output(kafka, "sparse-idle").size() >= expected.size());
            assertThat(output(kafka, "sparse-idle")).hasSize(expected.size());
        }
    }
}
