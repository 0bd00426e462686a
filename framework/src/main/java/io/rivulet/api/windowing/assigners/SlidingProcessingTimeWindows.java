package io.rivulet.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.triggers.ProcessingTimeTrigger;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.TimeWindow;

/**
 * Fixed-size processing-time windows that start every {@code slide}: an element belongs to {@code size / slide}
 * windows (rounded up when the slide does not divide the size).
 */
public final class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long slide;
    private final long offset;

    private SlidingProcessingTimeWindows(long size, long slide, long offset) {
        this.size = WindowSizes.positive("size", size);
        this.slide = WindowSizes.positive("slide", slide);
        this.offset = WindowSizes.offset(offset, slide);
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return new SlidingProcessingTimeWindows(size.toMillis(), slide.toMillis(), 0);
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingProcessingTimeWindows(size.toMillis(), slide.toMillis(), offset.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return SlidingEventTimeWindows.slidingWindows(context.getCurrentProcessingTime(), size, slide, offset);
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
        return "SlidingProcessingTimeWindows(" + size + ", " + slide + ", " + offset + ")";
    }
}
