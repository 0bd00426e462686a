package io.rivulet.internal.runtime.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.runtime.RuntimeConfig;
import io.rivulet.internal.runtime.StreamsRuntime;
import io.rivulet.internal.runtime.savepoint.ControlRecords.SavepointStatus;
import io.rivulet.internal.runtime.savepoint.ControlRecords.Status;
import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.internal.runtime.task.StreamsFatalException;
import io.rivulet.sink.ProcessingGuarantee;
import io.rivulet.state.savepoint.SavepointManifest;
import io.rivulet.state.savepoint.SavepointReader;
import io.rivulet.testkit.ClusterSpec;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.KafkaClusters;
import io.rivulet.testkit.TestRecords;

/**
 * Savepoints of a running job on the real broker: taken while input arrives, consistent with the input up to
 * their offsets, with stop, restored into a new application and onto more partitions, and matched by uid.
 */
class SavepointTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    static KafkaCluster kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaClusters.start(ClusterSpec.singleNode());
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    /** Counts words: emits {@code word=n} for the n-th occurrence. */
    static final class Count extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Serdes.longs(), 0L));
        }

        @Override
        public void processElement(String word, Context ctx, Collector<String> out) {
            count.update(count.value() + 1);
            out.collect(word + "=" + count.value());
        }
    }

    private static JobBuilder counting(String input, String output, String uid) {
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values(input, Serdes.string()))
                .keyBy(word -> word, Serdes.string(), Serdes.string())
                .process(new Count())
                .uid(uid)
                .sinkTo(KafkaSink.values(output, Serdes.string()));
        return job;
    }

    private StreamsRuntime start(String applicationId, JobBuilder job, SavepointSettings savepoints, String stateName) {
        RuntimeConfig config = new RuntimeConfig(
                applicationId,
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                dir.resolve("state-" + stateName),
                ProcessingGuarantee.EXACTLY_ONCE,
                Duration.ofMillis(100),
                1,
                ErrorPolicy.FAIL,
                ErrorPolicy.FAIL,
                Optional.empty(),
                false,
                RuntimeConfig.DEFAULT_WATERMARK_INTERVAL,
                savepoints);
        return StreamsRuntime.start(config, JobGraphs.of(job), error -> {});
    }

    private static SavepointSettings restoreFrom(String location, boolean allowNonRestored) {
        return new SavepointSettings(Optional.of(Path.of(location)), allowNonRestored, Duration.ofMinutes(2));
    }

    private static SavepointStatus awaitCompleted(StreamsRuntime runtime, String id) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SavepointStatus> status = runtime.savepoint(id);
            if (status.isPresent() && status.get().status() != Status.IN_PROGRESS) {
                assertThat(status.get().status())
                        .as("savepoint %s: %s", id, status.get().failure())
                        .isEqualTo(Status.COMPLETED);
                return status.get();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("savepoint " + id + " did not complete within " + TIMEOUT);
    }

    private static List<String> words(int from, int count) {
        List<String> words = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            words.add("w" + (i * 7 % 23));
        }
        return words;
    }

    /** Every word's emitted counts, in order per word. */
    private static Map<String, List<Long>> countsByWord(List<String> outputs) {
        Map<String, List<Long>> byWord = new TreeMap<>();
        for (String output : outputs) {
            String[] parts = output.split("=");
            byWord.computeIfAbsent(parts[0], w -> new ArrayList<>()).add(Long.parseLong(parts[1]));
        }
        byWord.values().forEach(list -> list.sort(Long::compare));
        return byWord;
    }

    private static Map<String, List<Long>> oneToN(List<String> words) {
        Map<String, Long> n = new TreeMap<>();
        words.forEach(w -> n.merge(w, 1L, Long::sum));
        Map<String, List<Long>> expected = new TreeMap<>();
        n.forEach((word, count) -> {
            List<Long> counts = new ArrayList<>();
            for (long i = 1; i <= count; i++) {
                counts.add(i);
            }
            expected.put(word, counts);
        });
        return expected;
    }

    private static List<String> values(String topic, int count) {
        return TestRecords.readCommitted(kafka.bootstrapServers(), topic, count, TIMEOUT).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    private static Map<String, Long> savedCounts(String location, String uid) {
        SavepointReader reader = SavepointReader.open(Path.of(location));
        SavepointManifest.State state = reader.state(uid, "count").orElseThrow();
        Map<String, Long> counts = new TreeMap<>();
        reader.forEach(
                state,
                entry -> counts.put(
                        Serdes.string().deserialize(entry.partitionKey()),
                        Serdes.longs().deserialize(entry.value())));
        return counts;
    }

    @Test
    void aSavepointTakenWhileInputArrivesHoldsTheInputUpToItsOffsetsAndANewApplicationContinuesFromIt()
            throws Exception {
        kafka.createTopic("a-words", 2);
        kafka.createTopic("a-counts", 1);
        kafka.createTopic("a-copy-counts", 1);
        List<String> all = words(0, 900);
        TestRecords.produceValues(kafka.bootstrapServers(), "a-words", all.subList(0, 300));
        Map<String, Long> reference = new TreeMap<>();
        String location;
        try (StreamsRuntime original =
                start("sp-a", counting("a-words", "a-counts", "count"), SavepointSettings.DEFAULTS, "a")) {
            assertThat(values("a-counts", 300)).hasSize(300);
            Thread producer = new Thread(
                    () -> TestRecords.produceValues(kafka.bootstrapServers(), "a-words", all.subList(300, 900)));
            producer.start();
            String id = original.triggerSavepoint(dir.resolve("savepoints"), false);
            location = awaitCompleted(original, id).location();
            producer.join();

            SavepointManifest manifest = SavepointReader.open(Path.of(location)).manifest();
            Map<Integer, Long> offsets = new HashMap<>();
            manifest.tasks()
                    .forEach(task -> task.inputOffsets()
                            .forEach((partition, offset) -> offsets.put(
                                    Integer.parseInt(partition.substring(partition.lastIndexOf('-') + 1)), offset)));
            // A partition without committed offset (nothing read from it yet) is restored from its beginning.
            assertThat(offsets.keySet()).isSubsetOf(0, 1);
            for (ConsumerRecord<String, String> input :
                    TestRecords.readCommitted(kafka.bootstrapServers(), "a-words", 900, TIMEOUT)) {
                if (input.offset() < offsets.getOrDefault(input.partition(), 0L)) {
                    reference.merge(input.value(), 1L, Long::sum);
                }
            }
            assertThat(savedCounts(location, "count")).isEqualTo(reference);

            // Without stop the job went on: every word counted exactly 1..n.
            assertThat(countsByWord(values("a-counts", 900))).isEqualTo(oneToN(all));
        }

        long inSavepoint =
                reference.values().stream().mapToLong(Long::longValue).sum();
        try (StreamsRuntime copy = start(
                "sp-a-copy", counting("a-words", "a-copy-counts", "count"), restoreFrom(location, false), "a-copy")) {
            List<String> continued = values("a-copy-counts", (int) (900 - inSavepoint));
            assertThat(continued).hasSize((int) (900 - inSavepoint));
            Map<String, List<Long>> expected = new TreeMap<>();
            oneToN(all).forEach((word, counts) -> {
                List<Long> after =
                        counts.subList(reference.getOrDefault(word, 0L).intValue(), counts.size());
                if (!after.isEmpty()) {
                    expected.put(word, after);
                }
            });
            assertThat(countsByWord(continued)).isEqualTo(expected);
        }
    }

    @Test
    void stopWithSavepointStopsTheJobAndARestoreOntoMorePartitionsCountsEveryWordExactlyOnce() throws Exception {
        kafka.createTopic("b-words", 2);
        kafka.createTopic("b-counts", 1);
        List<String> all = words(0, 700);
        TestRecords.produceValues(kafka.bootstrapServers(), "b-words", all.subList(0, 200));
        String location;
        try (StreamsRuntime original =
                start("sp-b", counting("b-words", "b-counts", "count"), SavepointSettings.DEFAULTS, "b")) {
            assertThat(values("b-counts", 200)).hasSize(200);
            Thread producer = new Thread(
                    () -> TestRecords.produceValues(kafka.bootstrapServers(), "b-words", all.subList(200, 400)));
            producer.start();
            String id = original.triggerSavepoint(dir.resolve("savepoints"), true);
            location = awaitCompleted(original, id).location();
            producer.join();
            assertThat(original.health().stoppedAtSavepoint()).contains(id);
            assertThat(original.health().ready()).isFalse();
            int committed = TestRecords.readAllCommitted(kafka.bootstrapServers(), "b-counts", TIMEOUT)
                    .size();
            TestRecords.produceValues(kafka.bootstrapServers(), "b-words", all.subList(400, 500));
            // Stopped: nothing more reaches the output, however long one waits for it.
            assertThat(TestRecords.readCommitted(
                            kafka.bootstrapServers(), "b-counts", committed + 1, Duration.ofSeconds(2)))
                    .hasSize(committed);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createPartitions(Map.of("b-words", NewPartitions.increaseTo(4)))
                    .all()
                    .get();
        }
        try (StreamsRuntime restored =
                start("sp-b", counting("b-words", "b-counts", "count"), restoreFrom(location, false), "b")) {
            TestRecords.produceValues(kafka.bootstrapServers(), "b-words", all.subList(500, 650));
            assertThat(countsByWord(values("b-counts", 650))).isEqualTo(oneToN(all.subList(0, 650)));
        }
        // Started again with restore-from still set: the application restored it once, so it does not again.
        try (StreamsRuntime again =
                start("sp-b", counting("b-words", "b-counts", "count"), restoreFrom(location, false), "b")) {
            TestRecords.produceValues(kafka.bootstrapServers(), "b-words", all.subList(650, 700));
            assertThat(countsByWord(values("b-counts", 700))).isEqualTo(oneToN(all));
        }
    }

    @Test
    void stateOfAnOperatorTheJobNoLongerHasIsRefusedNamingItUnlessAllowedAndANewOperatorStartsEmpty() {
        kafka.createTopic("c-words", 2);
        kafka.createTopic("c-counts", 1);
        kafka.createTopic("c-tally", 1);
        List<String> first = words(0, 100);
        TestRecords.produceValues(kafka.bootstrapServers(), "c-words", first);
        String location;
        try (StreamsRuntime original =
                start("sp-c", counting("c-words", "c-counts", "count"), SavepointSettings.DEFAULTS, "c")) {
            assertThat(values("c-counts", 100)).hasSize(100);
            location = awaitCompleted(original, original.triggerSavepoint(dir.resolve("savepoints"), true))
                    .location();
        }

        assertThatThrownBy(() ->
                        start("sp-c2", counting("c-words", "c-tally", "tally"), restoreFrom(location, false), "c2"))
                .isInstanceOf(StreamsFatalException.class)
                .hasMessageContaining("operator uid 'count' state 'count'")
                .hasMessageContaining("rivulet.savepoint.allow-non-restored-state");

        try (StreamsRuntime dropped =
                start("sp-c2", counting("c-words", "c-tally", "tally"), restoreFrom(location, true), "c2")) {
            List<String> second = words(100, 46);
            TestRecords.produceValues(kafka.bootstrapServers(), "c-words", second);
            // The new operator starts empty: it counts only what came after the savepoint.
            assertThat(countsByWord(values("c-tally", second.size()))).isEqualTo(oneToN(second));
        }
    }
}
