package io.rivulet.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.triggers.ProcessingTimeTrigger;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.TimeWindow;

/**
 * Session windows on processing time: each element opens {@code [now, now + gap)}, and windows of a key that
 * overlap or touch merge into one. A session therefore ends {@code gap} after its last element.
 */
public final class ProcessingTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final SessionWindowTimeGapExtractor<T> gap;

    private ProcessingTimeSessionWindows(SessionWindowTimeGapExtractor<T> gap) {
        this.gap = gap;
    }

    /** Sessions with a fixed inactivity gap. */
    public static <T> ProcessingTimeSessionWindows<T> withGap(Duration gap) {
        long millis = WindowSizes.positive("session gap", gap.toMillis());
        return new ProcessingTimeSessionWindows<>(element -> millis);
    }

    /** Sessions whose gap each element sets. */
    public static <T> ProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new ProcessingTimeSessionWindows<>(extractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        return List.of(new TimeWindow(now, now + EventTimeSessionWindows.sessionGap(gap, element)));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, TimeWindow.MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    public Trigger<T, TimeWindow> getDefaultTrigger() {
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
        return "ProcessingTimeSessionWindows";
    }
}
