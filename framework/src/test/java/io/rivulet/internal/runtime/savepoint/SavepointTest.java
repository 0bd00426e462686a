package io.rivulet.internal.runtime.savepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedBroadcastProcessFunction;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.job.SavepointInfo;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.savepoint.ExistingSavepoint;
import io.rivulet.api.savepoint.SavepointBuilder;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ListState;
import io.rivulet.api.state.ListStateDescriptor;
import io.rivulet.api.state.MapState;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.runtime.RuntimeConfig;
import io.rivulet.internal.runtime.RuntimeConfigs;
import io.rivulet.internal.runtime.StreamsRuntime;
import io.rivulet.internal.runtime.task.StreamsFatalException;
import io.rivulet.internal.serde.WriterSchemas;
import io.rivulet.state.savepoint.SavepointManifest;
import io.rivulet.state.savepoint.SavepointReader;
import io.rivulet.testkit.Await;
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

    /** Remembers every occurrence of a word in a list, and counts them by occurrence number modulo 3 in a map. */
    static final class Remember extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient ListState<String> history;
        private transient MapState<String, Long> byModulo;

        @Override
        public void open(RuntimeContext context) {
            history = context.getListState(new ListStateDescriptor<>("history", Serdes.string()));
            byModulo = context.getMapState(new MapStateDescriptor<>("by-modulo", Serdes.string(), Serdes.longs()));
        }

        @Override
        public void processElement(String word, Context ctx, Collector<String> out) throws Exception {
            int seen = 0;
            for (String ignored : history.get()) {
                seen++;
            }
            history.add(word + "#" + seen);
            String modulo = "m" + (seen % 3);
            Long count = byModulo.get(modulo);
            byModulo.put(modulo, count == null ? 1 : count + 1);
            long total = 0;
            for (long value : byModulo.values()) {
                total += value;
            }
            out.collect(word + ":" + (seen + 1) + ":" + total);
        }
    }

    private static JobBuilder remembering(String input, String output) {
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values(input, Serdes.string()))
                .keyBy(word -> word, Serdes.string(), Serdes.string())
                .process(new Remember())
                .uid("remember")
                .sinkTo(KafkaSink.values(output, Serdes.string()));
        return job;
    }

    static final Schema TALLY_V1 = SchemaBuilder.record("Tally")
            .namespace("io.rivulet.test")
            .fields()
            .requiredLong("count")
            .endRecord();
    static final Schema TALLY_V2 = SchemaBuilder.record("Tally")
            .namespace("io.rivulet.test")
            .fields()
            .requiredLong("count")
            .name("label")
            .type()
            .stringType()
            .stringDefault("none")
            .endRecord();
    /** A field added without a default: values written with v1 cannot be read. */
    static final Schema TALLY_INCOMPATIBLE = SchemaBuilder.record("Tally")
            .namespace("io.rivulet.test")
            .fields()
            .requiredLong("count")
            .requiredString("owner")
            .endRecord();

    /** Counts words in an Avro record state of the schema it is given; shows the label if the schema has one. */
    static final class AvroCount extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private final String schemaJson;
        private transient Schema schema;
        private transient ValueState<GenericRecord> tally;

        AvroCount(Schema schema) {
            this.schemaJson = schema.toString();
        }

        @Override
        public void open(RuntimeContext context) {
            schema = new Schema.Parser().parse(schemaJson);
            tally = context.getState(new ValueStateDescriptor<>("tally", Serdes.avro(schema)));
        }

        @Override
        public void processElement(String word, Context ctx, Collector<String> out) {
            GenericRecord previous = tally.value();
            GenericRecord next = new GenericData.Record(schema);
            next.put("count", previous == null ? 1L : (long) previous.get("count") + 1);
            if (schema.getField("label") != null) {
                next.put(
                        "label",
                        previous == null ? "new" : previous.get("label").toString());
            }
            tally.update(next);
            out.collect(
                    word + "=" + next.get("count") + (schema.getField("label") == null ? "" : "/" + next.get("label")));
        }
    }

    private static JobBuilder avroCounting(String input, String output, Schema schema) {
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values(input, Serdes.string()))
                .keyBy(word -> word, Serdes.string(), Serdes.string())
                .process(new AvroCount(schema))
                .uid("avro-count")
                .sinkTo(KafkaSink.values(output, Serdes.string()));
        return job;
    }

    /** Registers an event-time timer 10 ms after each element; the timer emits {@code key:timer@time}. */
    static final class Remind extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + ":timer@" + timestamp);
        }
    }

    /** Values {@code key@time}: event time from the value, watermark = the highest time seen. */
    private static JobBuilder reminding(String input, String output) {
        JobBuilder job = new JobBuilder();
        job.fromSource(
                        KafkaSource.values(input, Serdes.string()),
                        WatermarkStrategy.<String>forMonotonousTimestamps()
                                .withTimestampAssigner((value, ts) -> Long.parseLong(value.split("@")[1])))
                .keyBy(value -> value.split("@")[0], Serdes.string(), Serdes.string())
                .process(new Remind())
                .uid("remind")
                .sinkTo(KafkaSink.values(output, Serdes.string()));
        return job;
    }

    static final MapStateDescriptor<String, String> RULES =
            new MapStateDescriptor<>("rules", Serdes.string(), Serdes.string());

    /** Keeps every broadcast rule; each word says whether a rule names it. */
    static final class Rules extends KeyedBroadcastProcessFunction<String, String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String word, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            out.collect(word + "=" + ctx.getBroadcastState(RULES).get(word));
        }

        @Override
        public void processBroadcastElement(String rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put(rule, "ruled");
        }
    }

    private static JobBuilder ruling(String words, String rules, String output) {
        JobBuilder job = new JobBuilder();
        var broadcast =
                job.fromSource(KafkaSource.values(rules, Serdes.string())).broadcast(Serdes.string(), RULES);
        job.fromSource(KafkaSource.values(words, Serdes.string()))
                .keyBy(word -> word, Serdes.string(), Serdes.string())
                .connect(broadcast)
                .process(new Rules())
                .uid("rules")
                .sinkTo(KafkaSink.values(output, Serdes.string()));
        return job;
    }

    /** {@link #counting}, and a second operator that counts words per length. */
    private static JobBuilder countingWithLengths(String input, String output, String lengths) {
        JobBuilder job = new JobBuilder();
        var words = job.fromSource(KafkaSource.values(input, Serdes.string()));
        words.keyBy(word -> word, Serdes.string(), Serdes.string())
                .process(new Count())
                .uid("count")
                .sinkTo(KafkaSink.values(output, Serdes.string()));
        words.keyBy(word -> "length" + word.length(), Serdes.string(), Serdes.string())
                .process(new Count())
                .uid("per-length")
                .sinkTo(KafkaSink.values(lengths, Serdes.string()));
        return job;
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
        return start(applicationId, job, savepoints, stateName, error -> {});
    }

    private StreamsRuntime start(
            String applicationId,
            JobBuilder job,
            SavepointSettings savepoints,
            String stateName,
            java.util.function.Consumer<Throwable> onFatalError) {
        RuntimeConfig config = RuntimeConfigs.exactlyOnce(
                applicationId, kafka.bootstrapServers(), dir.resolve("state-" + stateName), savepoints);
        return StreamsRuntime.start(config, JobGraphs.of(job), onFatalError);
    }

    private static SavepointSettings restoreFrom(String location, boolean allowNonRestored) {
        return new SavepointSettings(Optional.of(Path.of(location)), allowNonRestored, Duration.ofMinutes(2));
    }

    /** Waits for the savepoint to complete; returns its location. */
    private static String awaitCompleted(StreamsRuntime runtime, String id) {
        Await.until(
                TIMEOUT,
                "savepoint " + id + " done",
                () -> runtime.savepoint(id)
                        .filter(savepoint -> savepoint.status() != SavepointInfo.Status.IN_PROGRESS)
                        .isPresent());
        SavepointInfo savepoint = runtime.savepoint(id).orElseThrow();
        assertThat(savepoint.status())
                .as("savepoint %s: %s", id, savepoint.failure())
                .isEqualTo(SavepointInfo.Status.COMPLETED);
        return savepoint.location().orElseThrow();
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
        return new TreeMap<>(ExistingSavepoint.load(Path.of(location))
                .readValueState(uid, "count", Serdes.string(), Serdes.longs()));
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
            location = awaitCompleted(original, id);
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
            location = awaitCompleted(original, id);
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
            location = awaitCompleted(original, original.triggerSavepoint(dir.resolve("savepoints"), true));
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

    @Test
    void aRestoreThatDiesHalfWayLeavesNothingAndTheNextStartCompletesIt() throws Exception {
        kafka.createTopic("d-words", 2);
        kafka.createTopic("d-counts", 1);
        List<String> all = words(0, 400);
        TestRecords.produceValues(kafka.bootstrapServers(), "d-words", all.subList(0, 300));
        String location;
        try (StreamsRuntime original =
                start("sp-d", counting("d-words", "d-counts", "count"), SavepointSettings.DEFAULTS, "d")) {
            assertThat(values("d-counts", 300)).hasSize(300);
            location = awaitCompleted(original, original.triggerSavepoint(dir.resolve("savepoints"), true));
        }
        // The same savepoint with its data file damaged at the end: the restorer has written most entries into
        // the open transaction when the reader finds the checksum wrong, and dies without committing.
        Path damaged = dir.resolve("damaged");
        copyDirectory(Path.of(location), damaged);
        Path data = damaged.resolve(SavepointReader.open(damaged)
                .state("count", "count")
                .orElseThrow()
                .file());
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length - 1] ^= 1;
        Files.write(data, bytes);
        assertThatThrownBy(() -> start(
                        "sp-d", counting("d-words", "d-counts", "count"), restoreFrom(damaged.toString(), false), "d"))
                .hasMessageContaining(data.getFileName().toString());

        try (StreamsRuntime restored =
                start("sp-d", counting("d-words", "d-counts", "count"), restoreFrom(location, false), "d")) {
            TestRecords.produceValues(kafka.bootstrapServers(), "d-words", all.subList(300, 400));
            assertThat(countsByWord(values("d-counts", 400))).isEqualTo(oneToN(all));
        }
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    @Test
    void theOfflineReaderReadsAJobsListAndMapStateAndTheWriterBootstrapsANewJob() {
        kafka.createTopic("e-words", 2);
        kafka.createTopic("e-out", 1);
        kafka.createTopic("e-boot-words", 2);
        kafka.createTopic("e-boot-out", 1);
        List<String> input = words(0, 60);
        TestRecords.produceValues(kafka.bootstrapServers(), "e-words", input);
        String location;
        try (StreamsRuntime job = start("sp-e", remembering("e-words", "e-out"), SavepointSettings.DEFAULTS, "e")) {
            assertThat(values("e-out", 60)).hasSize(60);
            location = awaitCompleted(job, job.triggerSavepoint(dir.resolve("savepoints"), true));
        }
        Map<String, List<String>> expectedHistory = new TreeMap<>();
        Map<String, Map<String, Long>> expectedModulo = new TreeMap<>();
        for (String word : input) {
            List<String> history = expectedHistory.computeIfAbsent(word, w -> new ArrayList<>());
            expectedModulo.computeIfAbsent(word, w -> new TreeMap<>()).merge("m" + (history.size() % 3), 1L, Long::sum);
            history.add(word + "#" + history.size());
        }
        ExistingSavepoint savepoint = ExistingSavepoint.load(Path.of(location));
        assertThat(savepoint.applicationId()).isEqualTo("sp-e");
        assertThat(savepoint.readListState("remember", "history", Serdes.string(), Serdes.string()))
                .isEqualTo(expectedHistory);
        assertThat(savepoint.readMapState("remember", "by-modulo", Serdes.string(), Serdes.string(), Serdes.longs()))
                .isEqualTo(expectedModulo);

        Path bootstrap = dir.resolve("bootstrap");
        SavepointBuilder.newSavepoint("sp-e-boot")
                .withListState("remember", "history", Serdes.string(), Serdes.string(), Map.of("z1", List.of("a", "b")))
                .withMapState(
                        "remember",
                        "by-modulo",
                        Serdes.string(),
                        Serdes.string(),
                        Serdes.longs(),
                        Map.of("z1", Map.of("m2", 5L)))
                .write(bootstrap);
        assertThat(ExistingSavepoint.load(bootstrap)
                        .readListState("remember", "history", Serdes.string(), Serdes.string()))
                .containsExactly(Map.entry("z1", List.of("a", "b")));
        try (StreamsRuntime booted = start(
                "sp-e-boot",
                remembering("e-boot-words", "e-boot-out"),
                restoreFrom(bootstrap.toString(), false),
                "e-boot")) {
            TestRecords.produceValues(kafka.bootstrapServers(), "e-boot-words", List.of("z1", "z1", "z2"));
            // z1 had two elements and m2=5: the third occurrence is m2 again (2 % 3), the fourth m0.
            assertThat(values("e-boot-out", 3)).containsExactlyInAnyOrder("z1:3:6", "z1:4:7", "z2:1:1");
        }
    }

    @Test
    void avroStateEvolvesByItsRecordedWriterSchemaAndAnIncompatibleChangeFailsNamingTheState() throws Exception {
        kafka.createTopic("f-words", 2);
        kafka.createTopic("f-out", 1);
        kafka.createTopic("f2-out", 1);
        kafka.createTopic("f3-out", 1);
        List<String> all = words(0, 70);
        TestRecords.produceValues(kafka.bootstrapServers(), "f-words", all.subList(0, 50));
        String location;
        try (StreamsRuntime v1 =
                start("sp-f", avroCounting("f-words", "f-out", TALLY_V1), SavepointSettings.DEFAULTS, "f")) {
            assertThat(values("f-out", 50)).hasSize(50);
            location = awaitCompleted(v1, v1.triggerSavepoint(dir.resolve("savepoints"), true));
        }
        String v1Fingerprint = WriterSchemas.hex(WriterSchemas.fingerprint(TALLY_V1));
        SavepointManifest manifest = SavepointReader.open(Path.of(location)).manifest();
        assertThat(manifest.schemas()).containsKey(v1Fingerprint);
        assertThat(manifest.states())
                .filteredOn(state -> state.name().equals("tally"))
                .singleElement()
                .satisfies(state -> assertThat(state.writerSchemas()).containsExactly(v1Fingerprint));

        // A new process knows no schema but the savepoint's: v2 (a field added with a default) reads v1's values.
        WriterSchemas.forgetAll();
        try (StreamsRuntime v2 =
                start("sp-f2", avroCounting("f-words", "f2-out", TALLY_V2), restoreFrom(location, false), "f2")) {
            TestRecords.produceValues(kafka.bootstrapServers(), "f-words", all.subList(50, 70));
            List<String> outputs = values("f2-out", 20);
            assertThat(outputs).hasSize(20);
            Map<String, Long> before = new TreeMap<>();
            all.subList(0, 50).forEach(word -> before.merge(word, 1L, Long::sum));
            Map<String, Long> seen = new TreeMap<>(before);
            List<String> expected = new ArrayList<>();
            for (String word : all.subList(50, 70)) {
                long n = seen.merge(word, 1L, Long::sum);
                expected.add(word + "=" + n + "/" + (before.containsKey(word) ? "none" : "new"));
            }
            assertThat(outputs).containsExactlyInAnyOrderElementsOf(expected);
        }

        WriterSchemas.forgetAll();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (StreamsRuntime incompatible = start(
                "sp-f3",
                avroCounting("f-words", "f3-out", TALLY_INCOMPATIBLE),
                restoreFrom(location, false),
                "f3",
                failure::set)) {
            Await.until(TIMEOUT, "the restored job fails", () -> failure.get() != null);
            assertThat(failure.get().getMessage())
                    .contains("state 'tally' of operator uid 'avro-count' cannot read the values it was restored with")
                    .contains(v1Fingerprint)
                    .contains("owner");
        }
    }

    @Test
    void pendingEventTimeTimersAndTheWatermarkAreInTheSavepointAndFireInTheRestoredJob() {
        kafka.createTopic("g-events", 1);
        kafka.createTopic("g-out", 1);
        kafka.createTopic("g2-out", 1);
        TestRecords.produceValues(kafka.bootstrapServers(), "g-events", List.of("a@100", "b@105"));
        String location;
        try (StreamsRuntime job = start("sp-g", reminding("g-events", "g-out"), SavepointSettings.DEFAULTS, "g")) {
            // Timers at 110, 115 and 118 are registered; the watermark (107) has passed none of them.
            TestRecords.produceValues(kafka.bootstrapServers(), "g-events", List.of("c@108"));
            Await.until(
                    TIMEOUT,
                    "the watermark of task 1_0 at 107",
                    () -> job.watermarks().getOrDefault("1_0", Long.MIN_VALUE) >= 107);
            // Flink's monotonous watermark: the highest timestamp seen, minus one.
            assertThat(job.watermarks()).containsEntry("1_0", 107L);
            location = awaitCompleted(job, job.triggerSavepoint(dir.resolve("savepoints"), true));
        }
        assertThat(TestRecords.readAllCommitted(kafka.bootstrapServers(), "g-out", TIMEOUT))
                .isEmpty();
        assertThat(SavepointReader.open(Path.of(location))
                        .state("remind", "timers/event")
                        .orElseThrow()
                        .entries())
                .isEqualTo(3);

        try (StreamsRuntime restored =
                start("sp-g2", reminding("g-events", "g2-out"), restoreFrom(location, false), "g2")) {
            TestRecords.produceValues(kafka.bootstrapServers(), "g-events", List.of("d@116"));
            assertThat(values("g2-out", 2)).containsExactly("a:timer@110", "b:timer@115");
        }
    }

    @Test
    void anOperatorAddedByTheUpgradeStartsEmptyWhileTheOthersKeepTheirState() {
        kafka.createTopic("h-words", 2);
        kafka.createTopic("h-counts", 1);
        kafka.createTopic("h-lengths", 1);
        List<String> all = words(0, 130);
        TestRecords.produceValues(kafka.bootstrapServers(), "h-words", all.subList(0, 100));
        String location;
        try (StreamsRuntime v1 =
                start("sp-h", counting("h-words", "h-counts", "count"), SavepointSettings.DEFAULTS, "h")) {
            assertThat(values("h-counts", 100)).hasSize(100);
            location = awaitCompleted(v1, v1.triggerSavepoint(dir.resolve("savepoints"), true));
        }
        try (StreamsRuntime v2 = start(
                "sp-h", countingWithLengths("h-words", "h-counts", "h-lengths"), restoreFrom(location, false), "h")) {
            List<String> added = all.subList(100, 130);
            TestRecords.produceValues(kafka.bootstrapServers(), "h-words", added);
            assertThat(countsByWord(values("h-counts", 130))).isEqualTo(oneToN(all));
            // Count emits the element (the word) with its key's count: here the key is the word's length.
            List<String> perLength = values("h-lengths", added.size()).stream()
                    .map(output -> "length" + output.split("=")[0].length() + "=" + output.split("=")[1])
                    .toList();
            assertThat(countsByWord(perLength))
                    .isEqualTo(oneToN(
                            added.stream().map(word -> "length" + word.length()).toList()));
        }
    }

    @Test
    void broadcastStateReachesEveryTaskOfTheRestoredJobWhateverItsTaskCount() {
        kafka.createTopic("i-words", 2);
        kafka.createTopic("i-rules", 1);
        kafka.createTopic("i-out", 1);
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rules.add("r" + i);
        }
        TestRecords.produceValues(kafka.bootstrapServers(), "i-rules", rules);
        String location;
        try (StreamsRuntime job =
                start("sp-i", ruling("i-words", "i-rules", "i-out"), SavepointSettings.DEFAULTS, "i")) {
            // The rules and the words reach the tasks by different paths: ask until the last rule is known.
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            int asked = 0;
            while (!TestRecords.readAllCommitted(kafka.bootstrapServers(), "i-out", TIMEOUT).stream()
                    .map(ConsumerRecord::value)
                    .toList()
                    .contains("r19=ruled")) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                TestRecords.produceValues(kafka.bootstrapServers(), "i-words", List.of("r19"));
                values("i-out", ++asked);
            }
            location = awaitCompleted(job, job.triggerSavepoint(dir.resolve("savepoints"), true));
        }
        int before = TestRecords.readAllCommitted(kafka.bootstrapServers(), "i-out", TIMEOUT)
                .size();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createPartitions(Map.of("i-words", NewPartitions.increaseTo(4)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (StreamsRuntime restored =
                start("sp-i", ruling("i-words", "i-rules", "i-out"), restoreFrom(location, false), "i")) {
            List<String> asked = new ArrayList<>(rules);
            asked.add("unruled");
            TestRecords.produceValues(kafka.bootstrapServers(), "i-words", asked);
            List<String> answers = values("i-out", before + asked.size()).subList(before, before + asked.size());
            List<String> expected = new ArrayList<>();
            rules.forEach(rule -> expected.add(rule + "=ruled"));
            expected.add("unruled=null");
            // Four tasks now, two of them new: each found the rules, broadcast again from the savepoint.
            assertThat(answers).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
