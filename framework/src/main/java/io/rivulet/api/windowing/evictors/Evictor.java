package io.rivulet.api.windowing.evictors;

import java.io.Serializable;

import io.rivulet.api.windowing.windows.Window;

/**
 * Removes elements from a window when it fires, before and/or after the window function runs, as in Flink.
 * Remove elements through the iterator of {@code elements}. A window with an evictor keeps every element
 * (a reduce or aggregate then runs over the remaining elements when the window fires).
 */
public interface Evictor<T, W extends Window> extends Serializable {

    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx);

    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx);

    /** What an evictor may read of the runtime. */
    interface EvictorContext {

        long getCurrentProcessingTime();

        long getCurrentWatermark();
    }
}
