package io.rivulet.testing;

import java.util.List;

import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.internal.runtime.KeyedProcessHarnessRuntime;

/**
 * Unit-tests a {@link KeyedProcessFunction} without Kafka, as Flink's operator test harnesses do: the
 * function runs as in a task (its own copy, keyed state scoped to each element's key, in-memory state with the
 * same transactional semantics), and the test drives it element by element.
 *
 * <pre>{@code
 * try (var harness = KeyedProcessFunctionHarness.of(new CountPerWord(), Serdes.string())) {
 *     assertThat(harness.processElement("hello", "hello", 0L)).containsExactly(KeyValue.of("hello", "1"));
 * }
 * }</pre>
 */
public final class KeyedProcessFunctionHarness<K, I, O> implements AutoCloseable {

    private final KeyedProcessHarnessRuntime<K, I, O> runtime;

    private KeyedProcessFunctionHarness(KeyedProcessHarnessRuntime<K, I, O> runtime) {
        this.runtime = runtime;
    }

    /** Opens the function ({@code open} is called) with keys encoded by {@code keySerde}. */
    public static <K, I, O> KeyedProcessFunctionHarness<K, I, O> of(KeyedProcessFunction<K, I, O> function,
            Serde<K> keySerde) throws Exception {
        return new KeyedProcessFunctionHarness<>(new KeyedProcessHarnessRuntime<>(function, keySerde));
    }

    /**
     * Processes one element with the given key and timestamp and returns what it emitted. If the function
     * throws, the exception propagates and the element leaves no state change and no output behind.
     */
    public List<O> processElement(K key, I value, long timestamp) throws Exception {
        return runtime.processElement(key, value, timestamp);
    }

    /** Everything emitted so far, in order. */
    public List<O> output() {
        return runtime.output();
    }

    /** Commits the state changes so far, as the end of a transaction does. */
    public void commit() {
        runtime.commit();
    }

    /** Closes the function and opens a new copy over the committed state, as after a crash and restore. */
    public void restart() throws Exception {
        runtime.restart();
    }

    @Override
    public void close() throws Exception {
        runtime.close();
    }
}
