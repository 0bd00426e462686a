package io.rivulet.api.windowing.assigners;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.triggers.EventTimeTrigger;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.TimeWindow;

/**
 * Fixed-size event-time windows that start every {@code slide}: an element belongs to {@code size / slide}
 * windows (rounded up when the slide does not divide the size).
 */
public final class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long slide;
    private final long offset;

    private SlidingEventTimeWindows(long size, long slide, long offset) {
        this.size = WindowSizes.positive("size", size);
        this.slide = WindowSizes.positive("slide", slide);
        this.offset = WindowSizes.offset(offset, slide);
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return new SlidingEventTimeWindows(size.toMillis(), slide.toMillis(), 0);
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingEventTimeWindows(size.toMillis(), slide.toMillis(), offset.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return slidingWindows(timestamp, size, slide, offset);
    }

    static List<TimeWindow> slidingWindows(long timestamp, long size, long slide, long offset) {
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
        long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
        for (long start = lastStart; start > timestamp - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
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
        return "SlidingEventTimeWindows(" + size + ", " + slide + ", " + offset + ")";
    }
}
