package io.rivulet.api.windowing.assigners;

import java.util.Collection;

import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.api.windowing.windows.Window;

/** An assigner whose windows can merge, such as session windows. */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {

    private static final long serialVersionUID = 1L;

    /** Reports every group of {@code windows} that becomes one window. */
    public abstract void mergeWindows(Collection<W> windows, TimeWindow.MergeCallback<W> callback);
}
