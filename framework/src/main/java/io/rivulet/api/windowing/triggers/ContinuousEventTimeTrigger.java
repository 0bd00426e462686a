package io.rivulet.api.windowing.triggers;

import java.time.Duration;

import io.rivulet.api.windowing.windows.Window;

/**
 * Fires a window every {@code interval} of event time while it is open, and once more when the watermark
 * passes its end, as Flink's {@code ContinuousEventTimeTrigger}.
 *
 * <p>The first element of a window schedules the first firing at the end of that element's interval,
 * counted from the epoch: {@code timestamp - timestamp % interval + interval} (so an element at 45 with an
 * interval of 30 schedules 60, whatever the window's start). Every periodic firing schedules the next one an
 * interval later; no firing is ever scheduled after the window's {@code maxTimestamp}, where the window
 * fires as {@link EventTimeTrigger} does. Each firing happens when the watermark reaches its time; a
 * watermark that passes several of them fires the window once for each, in order. An element that arrives
 * once the watermark has passed the window's end (within the allowed lateness) fires the window at once.
 * The window's contents stay: wrap the trigger in {@link PurgingTrigger} to emit each interval's elements
 * only once.
 *
 * <p>The scheduled time is kept in reducing state; when session windows merge, the merged window takes the
 * earliest one of the windows it replaces.
 *
 * @param <W> the window type
 */
public final class ContinuousEventTimeTrigger<W extends Window> extends ContinuousTrigger<W> {

    private static final long serialVersionUID = 1L;

    private ContinuousEventTimeTrigger(Duration interval) {
        super(interval, true);
    }

    /**
     * A trigger that fires every {@code interval} of event time, and at the window's end.
     *
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(interval);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        start(timestamp, window, ctx);
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        return due(time, window, ctx) ? TriggerResult.FIRE : TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }
}
