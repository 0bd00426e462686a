package io.rivulet.api.windowing.triggers;

import java.time.Duration;

import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ReducingState;
import io.rivulet.api.state.ReducingStateDescriptor;
import io.rivulet.api.windowing.windows.Window;

/**
 * The periodic firings of the continuous triggers, in event or processing time: the next firing is kept in
 * reducing state, so that merging sessions take the earliest of theirs, and is never after the window's
 * {@code maxTimestamp}.
 */
abstract class ContinuousTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long interval;
    private final boolean eventTime;
    private final ReducingStateDescriptor<Long> next =
            new ReducingStateDescriptor<>("fire-time", Math::min, Serdes.longs());

    ContinuousTrigger(Duration interval, boolean eventTime) {
        this.interval = interval.toMillis();
        if (this.interval <= 0) {
            throw new IllegalArgumentException("a trigger interval must be positive, got " + interval);
        }
        this.eventTime = eventTime;
    }

    /** Schedules the end of the interval that holds {@code time}, counted from the epoch, unless a firing is scheduled. */
    final void start(long time, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> scheduled = ctx.getPartitionedState(next);
        if (scheduled.get() == null) {
            scheduleAfter(time - time % interval, window, ctx, scheduled);
        }
    }

    /**
     * Whether {@code time} is the scheduled firing; if it is, the firing an interval later is scheduled, unless
     * this one is at the window's {@code maxTimestamp}. Scheduling that same time again, as Flink's
     * processing-time trigger did before FLINK-35069, fires an event-time window whose end the clock passed
     * before the watermark over and over, never returning.
     */
    final boolean due(long time, W window, TriggerContext ctx) throws Exception {
        ReducingState<Long> scheduled = ctx.getPartitionedState(next);
        Long at = scheduled.get();
        if (at == null || at != time) {
            return false;
        }
        scheduled.clear();
        if (time != window.maxTimestamp()) {
            scheduleAfter(time, window, ctx, scheduled);
        }
        return true;
    }

    private void scheduleAfter(long time, W window, TriggerContext ctx, ReducingState<Long> scheduled)
            throws Exception {
        long at = Math.min(time + interval, window.maxTimestamp());
        scheduled.add(at);
        register(at, ctx);
    }

    private void register(long at, TriggerContext ctx) {
        if (eventTime) {
            ctx.registerEventTimeTimer(at);
        } else {
            ctx.registerProcessingTimeTimer(at);
        }
    }

    @Override
    public final boolean canMerge() {
        return true;
    }

    /** The merged window takes the earliest firing of the windows it replaces. */
    @Override
    public final void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(next);
        Long at = ctx.getPartitionedState(next).get();
        if (at != null) {
            register(at, ctx);
        }
    }

    @Override
    public final void clear(W window, TriggerContext ctx) {
        ReducingState<Long> scheduled = ctx.getPartitionedState(next);
        Long at = scheduled.get();
        if (at == null) {
            return;
        }
        if (eventTime) {
            ctx.deleteEventTimeTimer(at);
        } else {
            ctx.deleteProcessingTimeTimer(at);
        }
        scheduled.clear();
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "(" + interval + ")";
    }
}
