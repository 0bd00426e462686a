package io.rivulet.testing;

import java.util.List;

import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.windowing.evictors.TimestampedValue;
import io.rivulet.testing.internal.KeyedOperatorHarnessRuntime;

/**
 * What every operator harness does besides feeding elements: time (watermarks, the processing-time clock),
 * output, commits, restarts and snapshots.
 *
 * @param <O> the main output type
 */
public abstract class OperatorHarness<O> implements AutoCloseable {

    final KeyedOperatorHarnessRuntime runtime;

    OperatorHarness(KeyedOperatorHarnessRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Advances event time to {@code watermark}: every event-time timer up to it fires, in timestamp order, before
     * this call returns. A watermark that is not higher than the last one is ignored and fires nothing, as in a
     * task.
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
