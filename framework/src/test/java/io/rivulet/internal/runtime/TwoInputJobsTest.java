package io.rivulet.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.DataStream;
import io.rivulet.api.JobBuilder;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.functions.BroadcastProcessFunction;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessJoinFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ListState;
import io.rivulet.api.state.ListStateDescriptor;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.sink.ProcessingGuarantee;
import io.rivulet.testfunctions.Echo;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * Jobs over two input topics on the real broker: a union shuffled through one repartition topic, and an
 * interval join whose inputs have different partition counts, with event time taken as the minimum over the
 * tasks of both inputs.
 */
@WithKafkaCluster
class TwoInputJobsTest {

    @TempDir
    Path stateDir;

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

    private static long timestampOf(String value) {
        return Long.parseLong(value.split(",")[1]);
    }

    private static String keyOf(String value) {
        return value.split(",")[0];
    }

    @Test
    void aUnionOfTwoTopicsIsShuffledTogether(KafkaCluster kafka) {
        kafka.createTopic("union-a", 2);
        kafka.createTopic("union-b", 3);
        kafka.createTopic("union-out", 1);
        TestRecords.produceValues(kafka.bootstrapServers(), "union-a", List.of("x,1", "y,2", "x,3"));
        TestRecords.produceValues(kafka.bootstrapServers(), "union-b", List.of("x,4", "z,5"));
        JobBuilder job = new JobBuilder();
        DataStream<String> a = job.fromSource(KafkaSource.values("union-a", Serdes.string()));
        DataStream<String> b = job.fromSource(KafkaSource.values("union-b", Serdes.string()));
        a.union(b)
                .keyBy(TwoInputJobsTest::keyOf, Serdes.string(), Serdes.string())
                .process(new Echo())
                .uid("echo")
                .sinkTo(KafkaSink.values("union-out", Serdes.string()));
        try (StreamsRuntime runtime = StreamsRuntime.start(config("union", kafka), JobGraphs.of(job), error -> {})) {
            List<ConsumerRecord<String, String>> out =
                    TestRecords.readCommitted(kafka.bootstrapServers(), "union-out", 5, Duration.ofSeconds(60));
            assertThat(out)
                    .extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("x,1", "y,2", "x,3", "x,4", "z,5");
        }
    }

    static final class Pair extends ProcessJoinFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String left, String right, Context ctx, Collector<String> out) {
            out.collect(left + "+" + right + "@" + ctx.getTimestamp());
        }
    }

    @Test
    void anIntervalJoinAcrossTopicsWithDifferentPartitionCountsJoinsEveryPairOnce(KafkaCluster kafka) {
        kafka.createTopic("orders", 2);
        kafka.createTopic("payments", 3);
        kafka.createTopic("paid-orders", 1);
        List<String> orders = new ArrayList<>();
        List<String> payments = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String order = "o" + i + "," + (i * 1_000L);
            orders.add(order);
            // Paid within 5 s for even orders, after 20 s (outside the join) for odd ones.
            String payment = "o" + i + "," + (i * 1_000L + (i % 2 == 0 ? 4_000 : 20_000));
            payments.add(payment);
            if (i % 2 == 0) {
                expected.add(order + "+" + payment + "@" + timestampOf(payment));
            }
        }
        try (KafkaProducer<String, String> producer = TestRecords.stringProducer(kafka.bootstrapServers())) {
            for (String order : orders) {
                producer.send(new ProducerRecord<>("orders", keyOf(order), order));
            }
            for (String payment : payments) {
                producer.send(new ProducerRecord<>("payments", keyOf(payment), payment));
            }
        }
        JobBuilder job = new JobBuilder();
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofSeconds(1))
                .withTimestampAssigner((value, ts) -> timestampOf(value));
        job.fromSource(KafkaSource.values("orders", Serdes.string()), strategy)
                .keyBy(TwoInputJobsTest::keyOf, Serdes.string(), Serdes.string())
                .intervalJoin(job.fromSource(KafkaSource.values("payments", Serdes.string()), strategy)
                        .keyBy(TwoInputJobsTest::keyOf, Serdes.string(), Serdes.string()))
                .between(Duration.ZERO, Duration.ofSeconds(10))
                .process(new Pair())
                .uid("paid")
                .sinkTo(KafkaSink.values("paid-orders", Serdes.string()));
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        try (StreamsRuntime runtime =
                StreamsRuntime.start(config("interval-join", kafka), JobGraphs.of(job), fatal::set)) {
            List<ConsumerRecord<String, String>> out = TestRecords.readCommitted(
                    kafka.bootstrapServers(), "paid-orders", expected.size(), Duration.ofSeconds(60));
            assertThat(fatal.get()).isNull();
            assertThat(out).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(out)
                    .allSatisfy(r -> assertThat(r.timestamp())
                            .isEqualTo(Long.parseLong(r.value().split("@")[1])));
            // Five tasks (2 + 3 partitions) write watermark markers into the shared repartition topic.
            assertThat(runtime.watermarks()).containsKeys("2_0", "2_1", "2_2");
        }
    }

    static final MapStateDescriptor<String, Boolean> STOPWORDS =
            new MapStateDescriptor<>("stopwords", Serdes.string(), Serdes.json(Boolean.class));

    /** Drops stopwords; every task reports each stopword it learns, and counts its words in operator state. */
    static final class StopwordFilter extends BroadcastProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient ListState<String> passed;

        @Override
        public void open(RuntimeContext context) {
            passed = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("passed", Serdes.string()));
        }

        @Override
        public void processElement(String word, ReadOnlyContext ctx, Collector<String> out) {
            if (!ctx.getBroadcastState(STOPWORDS).contains(word)) {
                passed.add(word);
                int count = 0;
                for (String ignored : passed.get()) {
                    count++;
                }
                out.collect(word + "#" + count);
            }
        }

        @Override
        public void processBroadcastElement(String stopword, Context ctx, Collector<String> out) {
            ctx.getBroadcastState(STOPWORDS).put(stopword, true);
            out.collect("learned:" + stopword);
        }
    }

    @Test
    void aBroadcastReachesEveryTaskOfAStreamThatIsNotKeyed(KafkaCluster kafka) {
        kafka.createTopic("words", 2);
        kafka.createTopic("stopwords", 1);
        kafka.createTopic("filtered", 1);
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values("words", Serdes.string()))
                .connect(
                        job.fromSource(KafkaSource.values("stopwords", Serdes.string()))
                                .broadcast(Serdes.string(), STOPWORDS),
                        Serdes.string())
                .process(new StopwordFilter())
                .uid("stopwords")
                .sinkTo(KafkaSink.values("filtered", Serdes.string()));
        try (StreamsRuntime runtime =
                StreamsRuntime.start(config("broadcast", kafka), JobGraphs.of(job), error -> {})) {
            TestRecords.produceValues(kafka.bootstrapServers(), "stopwords", List.of("the"));
            // Two input partitions, two tasks: each learns the stopword.
            assertThat(TestRecords.readCommitted(kafka.bootstrapServers(), "filtered", 2, Duration.ofSeconds(60)))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("learned:the", "learned:the");
            try (KafkaProducer<String, String> producer = TestRecords.stringProducer(kafka.bootstrapServers())) {
                for (String word : List.of("the", "cat", "the", "hat")) {
                    producer.send(new ProducerRecord<>("words", 0, null, word));
                }
                producer.send(new ProducerRecord<>("words", 1, null, "the"));
                producer.send(new ProducerRecord<>("words", 1, null, "bat"));
            }
            assertThat(TestRecords.readCommitted(kafka.bootstrapServers(), "filtered", 5, Duration.ofSeconds(60)))
                    .extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("learned:the", "learned:the", "cat#1", "hat#2", "bat#1");
        }
    }

    @Test
    void anIntervalJoinOfTwoStreamsSplitFromOneTopicCleansUpAsEventTimeAdvances(KafkaCluster kafka) {
        kafka.createTopic("events", 2);
        kafka.createTopic("joined-events", 1);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            long ts = 1_000_000L + i * 10L;
            events.add((i % 4 == 0 ? "A," : "B,") + (i / 40) + "," + ts);
        }
        long expected = 0;
        for (String left : events) {
            for (String right : events) {
                if (left.startsWith("B")
                        && right.startsWith("A")
                        && keyOf(left.substring(2)).equals(keyOf(right.substring(2)))
                        && Math.abs(timestampOf(left.substring(2)) - timestampOf(right.substring(2))) <= 1_000) {
                    expected++;
                }
            }
        }
        // Both partitions get events, so that both source tasks move event time (an empty one would hold it back).
        try (KafkaProducer<String, String> producer = TestRecords.stringProducer(kafka.bootstrapServers())) {
            for (int i = 0; i < events.size(); i++) {
                producer.send(new ProducerRecord<>("events", i % 2, null, events.get(i)));
            }
        }
        JobBuilder job = new JobBuilder();
        DataStream<String> all = job.fromSource(
                KafkaSource.values("events", Serdes.string()),
                WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(100))
                        .withTimestampAssigner((event, ts) -> timestampOf(event.substring(2))));
        all.filter(event -> event.startsWith("B"))
                .keyBy(event -> keyOf(event.substring(2)), Serdes.string(), Serdes.string())
                .intervalJoin(all.filter(event -> event.startsWith("A"))
                        .keyBy(event -> keyOf(event.substring(2)), Serdes.string(), Serdes.string()))
                .between(Duration.ofSeconds(-1), Duration.ofSeconds(1))
                .process(new Pair())
                .uid("split-join")
                .sinkTo(KafkaSink.values("joined-events", Serdes.string()));
        try (StreamsRuntime runtime =
                StreamsRuntime.start(config("split-join", kafka), JobGraphs.of(job), error -> {})) {
            assertThat(TestRecords.readCommitted(
                            kafka.bootstrapServers(), "joined-events", (int) expected, Duration.ofSeconds(60)))
                    .hasSize((int) expected);
            Await.until(
                    Duration.ofSeconds(30),
                    "event time after the shuffle past the first events",
                    () -> runtime.watermarks().getOrDefault("1_0", Long.MIN_VALUE) > 1_000_000L);
        }
    }
}
