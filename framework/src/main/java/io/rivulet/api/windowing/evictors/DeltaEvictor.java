package io.rivulet.api.windowing.evictors;

import java.util.Iterator;
import java.util.List;
import java.util.stream.StreamSupport;

import io.rivulet.api.windowing.windows.Window;

/**
 * Evicts every element whose delta to the window's last element is at least {@code threshold}.
 */
public final class DeltaEvictor<T, W extends Window> implements Evictor<T, W> {

    private static final long serialVersionUID = 1L;

    private final double threshold;
    private final DeltaFunction<T> deltaFunction;
    private final boolean doEvictAfter;

    private DeltaEvictor(double threshold, DeltaFunction<T> deltaFunction, boolean doEvictAfter) {
        this.threshold = threshold;
        this.deltaFunction = deltaFunction;
        this.doEvictAfter = doEvictAfter;
    }

    public static <T, W extends Window> DeltaEvictor<T, W> of(double threshold, DeltaFunction<T> deltaFunction) {
        return new DeltaEvictor<>(threshold, deltaFunction, false);
    }

    public static <T, W extends Window> DeltaEvictor<T, W> of(
            double threshold, DeltaFunction<T> deltaFunction, boolean doEvictAfter) {
        return new DeltaEvictor<>(threshold, deltaFunction, doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<T>> elements) {
        List<TimestampedValue<T>> all =
                StreamSupport.stream(elements.spliterator(), false).toList();
        if (all.isEmpty()) {
            return;
        }
        T last = all.get(all.size() - 1).value();
        for (Iterator<TimestampedValue<T>> it = elements.iterator(); it.hasNext(); ) {
            if (deltaFunction.getDelta(it.next().value(), last) >= threshold) {
                it.remove();
            }
        }
    }
}
