package io.rivulet.testing;

import java.util.List;
import java.util.function.Function;

import io.rivulet.api.DataStream;
import io.rivulet.api.JobBuilder;
import io.rivulet.api.KafkaSource;
import io.rivulet.api.KeyedStream;
import io.rivulet.api.OutputTag;
import io.rivulet.api.functions.KeySelector;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.evictors.TimestampedValue;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.runtime.KeyedOperatorHarnessRuntime;

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
public final class KeyedOperatorHarness<K, I, O> implements AutoCloseable {

    private final KeyedOperatorHarnessRuntime runtime;

    private KeyedOperatorHarness(KeyedOperatorHarnessRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Builds the operators that {@code operators} applies to a keyed stream and opens them. Stateful
     * operators without a uid get one.
     *
     * @param keySelector gives each element's key, as {@code keyBy} does
     */
    public static <K, I, O> KeyedOperatorHarness<K, I, O> of(KeySelector<I, K> keySelector, Serde<K> keySerde,
            Serde<I> valueSerde, Function<KeyedStream<I, K>, DataStream<O>> operators) throws Exception {
        JobBuilder job = new JobBuilder();
        KeyedStream<I, K> keyed = job.fromSource(KafkaSource.values("harness-input", valueSerde))
                .keyBy(keySelector, keySerde, valueSerde);
        operators.apply(keyed);
        KeyByTransformation keyBy = (KeyByTransformation) job.graph().nodes().get(1);
        return new KeyedOperatorHarness<>(new KeyedOperatorHarnessRuntime(job.graph(), keyBy));
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

    /**
     * Advances event time to {@code watermark} (a lower one than before is ignored): every event-time timer
     * up to it fires, in timestamp order, before this call returns.
     */
    public void processWatermark(long watermark) throws Exception {
        runtime.processWatermark(watermark);
    }

    /** Sets the processing-time clock (it starts at 0) and fires the processing-time timers now due. */
    public void setProcessingTime(long time) throws Exception {
        runtime.setProcessingTime(time);
    }

    /** The main output so far, in emission order. */
    @SuppressWarnings("unchecked")
    public List<O> output() {
        return runtime.output().stream().map(v -> (O) v.value()).toList();
    }

    /** The main output so far with each element's timestamp (a window's result carries its {@code maxTimestamp}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<TimestampedValue<O>> outputWithTimestamps() {
        return (List) runtime.output();
    }

    /** What the operators emitted to the side output {@code tag} so far. */
    @SuppressWarnings("unchecked")
    public <X> List<X> sideOutput(OutputTag<X> tag) {
        return (List<X>) runtime.sideOutput(tag.getId());
    }

    /** Commits the state changes so far, as the end of a transaction does. */
    public void commit() {
        runtime.commit();
    }

    /**
     * Closes the operators and opens new copies over the committed state, as after a crash and restore; the
     * watermark stays where it was, as it is committed too.
     */
    public void restart() throws Exception {
        runtime.restart();
    }

    /** Commits, then takes a snapshot of the committed state and the watermark. */
    public HarnessSnapshot snapshot() {
        return new HarnessSnapshot(runtime.snapshotState(), runtime.watermark());
    }

    /**
     * Replaces the operators' state with {@code snapshot} (taken from a harness of the same operators, or of
     * another version with the same uids) and reopens them over it, at the snapshot's watermark.
     */
    public void restore(HarnessSnapshot snapshot) throws Exception {
        runtime.restore(snapshot.states(), snapshot.watermark());
    }

    @Override
    public void close() throws Exception {
        runtime.close();
    }
}
