package io.rivulet.testing;

import java.util.List;

import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.SerdeException;

/**
 * Unit-tests a {@link KeyedProcessFunction} without Kafka, as Flink's operator test harnesses do: the
 * function runs as in a task (its own copy, keyed state scoped to each element's key, in-memory state with the
 * same transactional semantics), and the test drives it element by element. For windows, watermarks and
 * timers see {@link KeyedOperatorHarness}, which this is a shorthand of.
 *
 * <pre>{@code
 * try (var harness = KeyedProcessFunctionHarness.of(new CountPerWord(), Serdes.string())) {
 *     assertThat(harness.processElement("hello", "hello", 0L)).containsExactly(KeyValue.of("hello", "1"));
 * }
 * }</pre>
 */
public final class KeyedProcessFunctionHarness<K, I, O> implements AutoCloseable {

    private final KeyedOperatorHarness<K, I, O> harness;

    private KeyedProcessFunctionHarness(KeyedOperatorHarness<K, I, O> harness) {
        this.harness = harness;
    }

    /** Opens the function ({@code open} is called) with keys encoded by {@code keySerde}. */
    public static <K, I, O> KeyedProcessFunctionHarness<K, I, O> of(
            KeyedProcessFunction<K, I, O> function, Serde<K> keySerde) throws Exception {
        return new KeyedProcessFunctionHarness<>(KeyedOperatorHarness.of(
                value -> {
                    throw new IllegalStateException("elements are given with their key");
                },
                keySerde,
                new UnusedSerde<>(),
                keyed -> keyed.process(function)));
    }

    /**
     * Processes one element with the given key and timestamp and returns what it emitted. If the function
     * throws, the exception propagates and the element leaves no state change and no output behind.
     */
    public List<O> processElement(K key, I value, long timestamp) throws Exception {
        int before = harness.output().size();
        harness.processElement(key, value, timestamp);
        List<O> output = harness.output();
        return output.subList(before, output.size());
    }

    /** Everything emitted so far, in order. */
    public List<O> output() {
        return harness.output();
    }

    /** Commits the state changes so far, as the end of a transaction does. */
    public void commit() {
        harness.commit();
    }

    /** Closes the function and opens a new copy over the committed state, as after a crash and restore. */
    public void restart() throws Exception {
        harness.restart();
    }

    @Override
    public void close() throws Exception {
        harness.close();
    }

    /** Elements of a process function never reach a repartition topic or window state in the harness. */
    private static final class UnusedSerde<T> implements Serde<T> {

        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(T value) {
            throw new SerdeException("the process function harness does not encode elements");
        }

        @Override
        public T deserialize(byte[] bytes) {
            throw new SerdeException("the process function harness does not decode elements");
        }
    }
}
