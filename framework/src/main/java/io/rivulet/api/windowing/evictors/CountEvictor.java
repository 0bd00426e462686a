package io.rivulet.api.windowing.evictors;

import java.util.Iterator;

import io.rivulet.api.windowing.windows.Window;

/** Keeps the last {@code maxCount} elements of a window (in arrival order), evicting the oldest. */
public final class CountEvictor<W extends Window> implements Evictor<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final boolean doEvictAfter;

    private CountEvictor(long maxCount, boolean doEvictAfter) {
        this.maxCount = maxCount;
        this.doEvictAfter = doEvictAfter;
    }

    /** Evicts before the window function runs. */
    public static <W extends Window> CountEvictor<W> of(long maxCount) {
        return new CountEvictor<>(maxCount, false);
    }

    /** @param doEvictAfter evict after the window function runs rather than before */
    public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
        return new CountEvictor<>(maxCount, doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements, size);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements, size);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
        long toEvict = size - maxCount;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); toEvict > 0 && it.hasNext(); toEvict--) {
            it.next();
            it.remove();
        }
    }
}
