package io.rivulet.api.windowing.triggers;

import java.time.Duration;

import io.rivulet.api.windowing.windows.Window;

/**
 * Fires a window every {@code interval} of processing time, as Flink's
 * {@code ContinuousProcessingTimeTrigger}; meant for processing-time and global windows.
 *
 * <p>The first element of a window schedules the first firing at the end of the interval, counted from the
 * epoch, that holds the processing time of its arrival: {@code now - now % interval + interval} (the
 * element's own timestamp plays no part). Every firing schedules the next one an interval later, but never
 * after the window's {@code maxTimestamp}: a processing-time window thus fires at its end too, where it is
 * dropped. Each firing happens when the processing-time clock reaches its time; elements never fire the
 * window. The window's contents stay: wrap the trigger in {@link PurgingTrigger} to emit each interval's
 * elements only once.
 *
 * <p>The firing at the window's {@code maxTimestamp} is the last one scheduled. On an event-time window
 * whose end the clock passes before the watermark does, an element that arrives after it schedules one more
 * firing, at that past time, so at the clock's next advance.
 *
 * <p>The scheduled time is kept in reducing state; when session windows merge, the merged window takes the
 * earliest one of the windows it replaces.
 *
 * @param <W> the window type
 */
public final class ContinuousProcessingTimeTrigger<W extends Window> extends ContinuousTrigger<W> {

    private static final long serialVersionUID = 1L;

    private ContinuousProcessingTimeTrigger(Duration interval) {
        super(interval, false);
    }

    /**
     * A trigger that fires every {@code interval} of processing time.
     *
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
        return new ContinuousProcessingTimeTrigger<>(interval);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        start(ctx.getCurrentProcessingTime(), window, ctx);
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        return due(time, window, ctx) ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }
}
