package io.rivulet.testing;

import java.util.function.Function;

import io.rivulet.api.DataStream;
import io.rivulet.api.JobBuilder;
import io.rivulet.api.KeyedStream;
import io.rivulet.api.functions.KeySelector;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serde;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.testing.internal.KeyedOperatorHarnessRuntime;

/**
 * Unit-tests the operators of a keyed stream — windows, process functions — without Kafka, in the spirit of
 * Flink's keyed operator test harnesses. The test drives everything by hand: elements with timestamps,
 * watermarks, and the processing-time clock; the operators run exactly as in a task (a copy of the
 * functions, keyed state with transactional semantics, timers in state).
 *
 * <pre>{@code
 * try (var harness = KeyedOperatorHarness.of(Click::user, Serdes.string(), Click.SERDE,
 *         clicks -> clicks.window(EventTimeSessionWindows.withGap(Duration.ofMinutes(30))).aggregate(...))) {
 *     harness.processElement(new Click("ann", "/"), 1_000);
 *     harness.processWatermark(1_000 + 30 * 60_000);
 *     assertThat(harness.output()).containsExactly(...);
 * }
 * }</pre>
 *
 * @param <K> the key type
 * @param <I> the input element type
 * @param <O> the main output type
 */
public final class KeyedOperatorHarness<K, I, O> extends OperatorHarness<O> {

    private KeyedOperatorHarness(KeyedOperatorHarnessRuntime runtime) {
        super(runtime);
    }

    /**
     * Builds the operators that {@code operators} applies to a keyed stream and opens them. Stateful
     * operators without a uid get one.
     *
     * @param keySelector gives each element's key, as {@code keyBy} does
     */
    public static <K, I, O> KeyedOperatorHarness<K, I, O> of(
            KeySelector<I, K> keySelector,
            Serde<K> keySerde,
            Serde<I> valueSerde,
            Function<KeyedStream<I, K>, DataStream<O>> operators)
            throws Exception {
        JobBuilder job = new JobBuilder();
        KeyedStream<I, K> keyed = job.fromSource(KafkaSource.values("harness-input", valueSerde))
                .keyBy(keySelector, keySerde, valueSerde);
        operators.apply(keyed);
        JobGraph graph = JobGraphs.of(job);
        KeyByTransformation keyBy = (KeyByTransformation) graph.nodes().get(1);
        return new KeyedOperatorHarness<>(new KeyedOperatorHarnessRuntime(graph, keyBy));
    }

    /**
     * Processes one element with the given event timestamp; its key comes from the key selector. If an
     * operator throws, the exception propagates and the element leaves no state change and no output.
     */
    @SuppressWarnings("unchecked")
    public void processElement(I value, long timestamp) throws Exception {
        runtime.processElement((K) runtime.keyOf(value), value, timestamp);
    }

    /** Processes one element under an explicit key. */
    public void processElement(K key, I value, long timestamp) throws Exception {
        runtime.processElement(key, value, timestamp);
    }
}
