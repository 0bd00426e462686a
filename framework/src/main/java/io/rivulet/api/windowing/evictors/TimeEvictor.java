package io.rivulet.api.windowing.evictors;

import java.time.Duration;
import java.util.Iterator;

import io.rivulet.api.windowing.windows.Window;

/**
 * Keeps the elements of the last {@code windowSize} of event time: with {@code max} the largest timestamp in
 * the window, evicts every element with timestamp {@code <= max - windowSize}.
 */
public final class TimeEvictor<W extends Window> implements Evictor<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long windowSize;
    private final boolean doEvictAfter;

    private TimeEvictor(long windowSize, boolean doEvictAfter) {
        this.windowSize = windowSize;
        this.doEvictAfter = doEvictAfter;
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return new TimeEvictor<>(windowSize.toMillis(), false);
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements) {
        long max = Long.MIN_VALUE;
        for (TimestampedValue<Object> element : elements) {
            max = Math.max(max, element.timestamp());
        }
        if (max == Long.MIN_VALUE) {
            return;
        }
        long cutoff = max - windowSize;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
            if (it.next().timestamp() <= cutoff) {
                it.remove();
            }
        }
    }
}
