package io.rivulet.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.triggers.ProcessingTimeTrigger;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.TimeWindow;

/**
 * Fixed-size, non-overlapping processing-time windows: an element arriving at processing time {@code ts} belongs to
 * {@code [start, start + size)} with {@code start = ts - (ts - offset + size) % size}. The offset shifts
 * the windows, for example to align daily windows with a time zone.
 *
 * <p>A {@link WindowStagger} shifts them further, per task: the task's assigner asks it for an offset when it
 * assigns its first element and uses {@code (offset + staggerOffset) % size} from then on, as in Flink.
 */
public final class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long offset;
    private final WindowStagger stagger;
    /** Asked of the stagger at the first element; each task's copy of the assigner has its own. */
    private transient Long staggerOffset;

    private TumblingProcessingTimeWindows(long size, long offset, WindowStagger stagger) {
        this.size = WindowSizes.positive("size", size);
        this.offset = WindowSizes.offset(offset, size);
        this.stagger = Objects.requireNonNull(stagger, "stagger");
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return new TumblingProcessingTimeWindows(size.toMillis(), 0, WindowStagger.ALIGNED);
    }

    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        return new TumblingProcessingTimeWindows(size.toMillis(), offset.toMillis(), WindowStagger.ALIGNED);
    }

    /**
     * Windows of {@code size}, shifted by {@code offset} and, per task, by the offset {@code stagger} gives when the
     * task's first element arrives.
     */
    public static TumblingProcessingTimeWindows of(Duration size, Duration offset, WindowStagger stagger) {
        return new TumblingProcessingTimeWindows(size.toMillis(), offset.toMillis(), stagger);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        if (staggerOffset == null) {
            staggerOffset = stagger.getStaggerOffset(now, size);
        }
        long start = TimeWindow.getWindowStartWithOffset(now, (offset + staggerOffset) % size, size);
        return List.of(new TimeWindow(start, start + size));
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return ProcessingTimeTrigger.create();
    }

    @Override
    public Serde<TimeWindow> getWindowSerde() {
        return TimeWindow.serde();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "TumblingProcessingTimeWindows(" + size + ", " + offset
                + (stagger == WindowStagger.ALIGNED ? "" : ", " + stagger) + ")";
    }
}
