package io.rivulet.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.triggers.EventTimeTrigger;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.TimeWindow;

/**
 * Session windows on event time: each element opens {@code [ts, ts + gap)}, and windows of a key that
 * overlap or touch merge into one. A session therefore ends {@code gap} after its last element.
 */
public final class EventTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final SessionWindowTimeGapExtractor<T> gap;

    private EventTimeSessionWindows(SessionWindowTimeGapExtractor<T> gap) {
        this.gap = gap;
    }

    /** Sessions with a fixed inactivity gap. */
    public static <T> EventTimeSessionWindows<T> withGap(Duration gap) {
        long millis = WindowSizes.positive("session gap", gap.toMillis());
        return new EventTimeSessionWindows<>(element -> millis);
    }

    /** Sessions whose gap each element sets. */
    public static <T> EventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new EventTimeSessionWindows<>(extractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        return List.of(new TimeWindow(timestamp, timestamp + sessionGap(gap, element)));
    }

    static <T> long sessionGap(SessionWindowTimeGapExtractor<T> extractor, T element) {
        long millis = extractor.extract(element);
        if (millis <= 0) {
            throw new IllegalArgumentException(
                    "the session gap must be positive, got " + millis + " ms for " + element);
        }
        return millis;
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, TimeWindow.MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    public Trigger<T, TimeWindow> getDefaultTrigger() {
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
        return "EventTimeSessionWindows";
    }
}
