package io.rivulet.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.triggers.ProcessingTimeTrigger;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.TimeWindow;

/**
 * Fixed-size, non-overlapping processing-time windows: an element arriving at processing time {@code ts} belongs to
 * {@code [start, start + size)} with {@code start = ts - (ts - offset + size) % size}. The offset shifts
 * the windows, for example to align daily windows with a time zone.
 */
public final class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long offset;

    private TumblingProcessingTimeWindows(long size, long offset) {
        this.size = WindowSizes.positive("size", size);
        this.offset = WindowSizes.offset(offset, size);
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return new TumblingProcessingTimeWindows(size.toMillis(), 0);
    }

    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        return new TumblingProcessingTimeWindows(size.toMillis(), offset.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        long start = TimeWindow.getWindowStartWithOffset(now, offset, size);
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
        return "TumblingProcessingTimeWindows(" + size + ", " + offset + ")";
    }
}
