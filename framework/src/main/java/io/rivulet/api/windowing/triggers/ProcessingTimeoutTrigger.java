package io.rivulet.api.windowing.triggers;

import java.time.Duration;
import java.util.Objects;

import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.api.windowing.windows.Window;

/**
 * Adds a processing-time timeout to another trigger, as Flink's {@code ProcessingTimeoutTrigger}: the window
 * fires when the nested trigger fires it, or when the timeout passes, whichever comes first.
 *
 * <p>An element that the nested trigger does not fire on starts the timeout: {@code timeout} of processing
 * time from its arrival. Later elements leave a running timeout as it is, unless
 * {@code resetTimerOnNewRecord}, in which case each one starts it anew. An element the nested trigger fires
 * on returns the nested trigger's result and {@link #clear clears} this trigger (the timeout and the nested
 * trigger's state), so the next element starts a new timeout.
 *
 * <p>Every timer of the window fires it, whatever the nested trigger answers: the timeout, the nested
 * trigger's own timers, and the window's cleanup timer at its end. The result is {@code FIRE}, or
 * {@code FIRE_AND_PURGE} if the nested trigger purges. With {@code shouldClearOnTimeout} each such timer also
 * clears this trigger; without it the timeout, once passed, is not started again until the window is
 * cleared (unless {@code resetTimerOnNewRecord}).
 *
 * <p>The timeout is kept in value state. The trigger does not merge, so it cannot be used with session
 * windows.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public final class ProcessingTimeoutTrigger<T, W extends Window> extends Trigger<T, W> {

    private static final long serialVersionUID = 1L;

    private final Trigger<T, W> nested;
    private final long timeout;
    private final boolean resetTimerOnNewRecord;
    private final boolean shouldClearOnTimeout;
    private final ValueStateDescriptor<Long> timeoutDescriptor = new ValueStateDescriptor<>("timeout", Serdes.longs());

    private ProcessingTimeoutTrigger(
            Trigger<T, W> nested, Duration timeout, boolean resetTimerOnNewRecord, boolean shouldClearOnTimeout) {
        this.nested = Objects.requireNonNull(nested, "nested");
        this.timeout = timeout.toMillis();
        this.resetTimerOnNewRecord = resetTimerOnNewRecord;
        this.shouldClearOnTimeout = shouldClearOnTimeout;
    }

    /**
     * {@code nested} with a timeout that the first element starts and that clears the trigger when it fires:
     * {@code of(CountTrigger.of(3), Duration.ofMillis(100))} fires at the third element, or 100 ms after the
     * first one if that comes first.
     */
    public static <T, W extends Window> ProcessingTimeoutTrigger<T, W> of(Trigger<T, W> nested, Duration timeout) {
        return new ProcessingTimeoutTrigger<>(nested, timeout, false, true);
    }

    /**
     * {@code nested} with a timeout.
     *
     * @param resetTimerOnNewRecord whether every element starts the timeout anew
     * @param shouldClearOnTimeout whether a timer that fires the window also clears this trigger and the
     *     nested one
     */
    public static <T, W extends Window> ProcessingTimeoutTrigger<T, W> of(
            Trigger<T, W> nested, Duration timeout, boolean resetTimerOnNewRecord, boolean shouldClearOnTimeout) {
        return new ProcessingTimeoutTrigger<>(nested, timeout, resetTimerOnNewRecord, shouldClearOnTimeout);
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
        TriggerResult result = nested.onElement(element, timestamp, window, ctx);
        if (result.isFire()) {
            clear(window, ctx);
            return result;
        }
        ValueState<Long> timeoutAt = ctx.getPartitionedState(timeoutDescriptor);
        Long running = timeoutAt.value();
        if (running != null && resetTimerOnNewRecord) {
            ctx.deleteProcessingTimeTimer(running);
            timeoutAt.clear();
            running = null;
        }
        if (running == null) {
            long next = ctx.getCurrentProcessingTime() + timeout;
            timeoutAt.update(next);
            ctx.registerProcessingTimeTimer(next);
        }
        return result;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        return timedOut(nested.onProcessingTime(time, window, ctx), window, ctx);
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        return timedOut(nested.onEventTime(time, window, ctx), window, ctx);
    }

    private TriggerResult timedOut(TriggerResult nestedResult, W window, TriggerContext ctx) throws Exception {
        if (shouldClearOnTimeout) {
            clear(window, ctx);
        }
        return nestedResult.isPurge() ? TriggerResult.FIRE_AND_PURGE : TriggerResult.FIRE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ValueState<Long> timeoutAt = ctx.getPartitionedState(timeoutDescriptor);
        Long running = timeoutAt.value();
        if (running != null) {
            ctx.deleteProcessingTimeTimer(running);
            timeoutAt.clear();
        }
        nested.clear(window, ctx);
    }

    @Override
    public String toString() {
        return "ProcessingTimeoutTrigger(" + nested + ", " + timeout + ")";
    }
}
