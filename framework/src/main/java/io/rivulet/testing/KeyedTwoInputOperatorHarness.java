package io.rivulet.testing;

import java.util.function.BiFunction;

import io.rivulet.api.DataStream;
import io.rivulet.api.JobBuilder;
import io.rivulet.api.KeyedStream;
import io.rivulet.api.functions.KeySelector;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serde;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.Transformation;
import io.rivulet.internal.graph.UnionTransformation;
import io.rivulet.internal.operators.TwoInputElement;
import io.rivulet.testing.internal.KeyedOperatorHarnessRuntime;

/**
 * Unit-tests an operator over two keyed streams — a {@code KeyedCoProcessFunction}, an interval join, a window
 * join of keyed inputs — without Kafka, as Flink's two-input harnesses do: elements of either input, watermarks
 * and the processing-time clock are driven by the test.
 *
 * <pre>{@code
 * try (var harness = KeyedTwoInputOperatorHarness.of(Reading::sensor, Maintenance::sensor, Serdes.string(),
 *         Reading.SERDE, Maintenance.SERDE,
 *         (readings, maintenance) -> readings.intervalJoin(maintenance).between(ofMinutes(-10), ofMinutes(10)).process(...))) {
 *     harness.processElement1(reading, 1_000);
 *     harness.processElement2(maintenance, 2_000);
 * }
 * }</pre>
 */
public final class KeyedTwoInputOperatorHarness<K, A, B, O> extends OperatorHarness<O> {

    private final KeySelector<A, K> firstKey;
    private final KeySelector<B, K> secondKey;

    private KeyedTwoInputOperatorHarness(
            KeyedOperatorHarnessRuntime runtime, KeySelector<A, K> firstKey, KeySelector<B, K> secondKey) {
        super(runtime);
        this.firstKey = firstKey;
        this.secondKey = secondKey;
    }

    /** Builds what {@code operators} applies to the two keyed streams (connect, interval join), and opens it. */
    public static <K, A, B, O> KeyedTwoInputOperatorHarness<K, A, B, O> of(
            KeySelector<A, K> firstKey,
            KeySelector<B, K> secondKey,
            Serde<K> keySerde,
            Serde<A> firstSerde,
            Serde<B> secondSerde,
            BiFunction<KeyedStream<A, K>, KeyedStream<B, K>, DataStream<O>> operators)
            throws Exception {
        return ofStreams(
                firstKey,
                secondKey,
                firstSerde,
                secondSerde,
                (first, second) -> operators.apply(
                        first.keyBy(firstKey, keySerde, firstSerde), second.keyBy(secondKey, keySerde, secondSerde)));
    }

    /**
     * Builds what {@code operators} applies to a keyed stream and a stream to broadcast (connect it with
     * {@code keyed.connect(other.broadcast(...))}), and opens it. Feed the broadcast side with
     * {@link #processBroadcastElement}.
     */
    public static <K, A, B, O> KeyedTwoInputOperatorHarness<K, A, B, O> ofBroadcast(
            KeySelector<A, K> key,
            Serde<K> keySerde,
            Serde<A> serde,
            Serde<B> broadcastSerde,
            BiFunction<KeyedStream<A, K>, DataStream<B>, DataStream<O>> operators)
            throws Exception {
        return ofStreams(
                key,
                value -> {
                    throw new IllegalStateException("broadcast elements have no key: use processBroadcastElement");
                },
                serde,
                broadcastSerde,
                (first, second) -> operators.apply(first.keyBy(key, keySerde, serde), second));
    }

    /**
     * Builds what {@code operators} applies to the two streams (a window join, keyed by its {@code where} and
     * {@code equalTo}, which must match {@code firstKey} and {@code secondKey}), and opens it.
     */
    public static <K, A, B, O> KeyedTwoInputOperatorHarness<K, A, B, O> ofStreams(
            KeySelector<A, K> firstKey,
            KeySelector<B, K> secondKey,
            Serde<A> firstSerde,
            Serde<B> secondSerde,
            BiFunction<DataStream<A>, DataStream<B>, DataStream<O>> operators)
            throws Exception {
        JobBuilder job = new JobBuilder();
        operators.apply(
                job.fromSource(KafkaSource.values("harness-input-1", firstSerde)),
                job.fromSource(KafkaSource.values("harness-input-2", secondSerde)));
        JobGraph graph = JobGraphs.of(job);
        KeyByTransformation connected = null;
        for (Transformation node : graph.nodes()) {
            if (node instanceof KeyByTransformation keyBy
                    && keyBy.input().orElseThrow() instanceof UnionTransformation) {
                connected = keyBy;
            }
        }
        if (connected == null) {
            throw new IllegalArgumentException("the operators do not connect or join the two keyed streams");
        }
        return new KeyedTwoInputOperatorHarness<>(
                new KeyedOperatorHarnessRuntime(graph, connected), firstKey, secondKey);
    }

    /** Processes an element of the first input with the given event timestamp. */
    public void processElement1(A value, long timestamp) throws Exception {
        runtime.processElement(firstKey.getKey(value), TwoInputElement.first(value), timestamp);
    }

    /** Processes an element of the second input with the given event timestamp. */
    public void processElement2(B value, long timestamp) throws Exception {
        runtime.processElement(secondKey.getKey(value), TwoInputElement.second(value), timestamp);
    }

    /** Processes an element of the broadcast input: it has no key, and every task would see it. */
    public void processBroadcastElement(B value, long timestamp) throws Exception {
        runtime.processElement(null, TwoInputElement.second(value), timestamp);
    }
}
