package io.rivulet.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.triggers.EventTimeTrigger;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.TimeWindow;

/**
 * Fixed-size, non-overlapping event-time windows: an element with timestamp {@code ts} belongs to
 * {@code [start, start + size)} with {@code start = ts - (ts - offset + size) % size}. The offset shifts
 * the windows, for example to align daily windows with a time zone.
 */
public final class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long offset;

    private TumblingEventTimeWindows(long size, long offset) {
        this.size = WindowSizes.positive("size", size);
        this.offset = WindowSizes.offset(offset, size);
    }

    public static TumblingEventTimeWindows of(Duration size) {
        return new TumblingEventTimeWindows(size.toMillis(), 0);
    }

    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(size.toMillis(), offset.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long start = TimeWindow.getWindowStartWithOffset(timestamp, offset, size);
        return List.of(new TimeWindow(start, start + size));
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return EventTimeTrigger.create();
    }

    @Override
    public Serde<TimeWindow> getWindowSerde() {
        return TimeWindow.serde();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "TumblingEventTimeWindows(" + size + ", " + offset + ")";
    }
}
