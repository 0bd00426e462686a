package io.rivulet.internal.operators;

import java.util.ArrayList;
import java.util.List;

import io.rivulet.api.functions.CoGroupFunction;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.windowing.windows.Window;

/**
 * A co-group as Flink builds it on a window of the tagged union of both inputs: when the window fires, its
 * elements are split by input, keeping their order, and handed to the co-group function together; the results
 * carry the window's {@code maxTimestamp}.
 */
public final class CoGroupWindowFunction extends ProcessWindowFunction<TwoInputElement, Object, Object, Window> {

    private static final long serialVersionUID = 1L;

    private final CoGroupFunction<Object, Object, Object> coGroup;

    public CoGroupWindowFunction(CoGroupFunction<Object, Object, Object> coGroup) {
        this.coGroup = coGroup;
    }

    @Override
    public void process(Object key, Context context, Iterable<TwoInputElement> elements, Collector<Object> out)
            throws Exception {
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        for (TwoInputElement element : elements) {
            (element.isFirst() ? first : second).add(element.value());
        }
        coGroup.coGroup(first, second, out);
    }
}
