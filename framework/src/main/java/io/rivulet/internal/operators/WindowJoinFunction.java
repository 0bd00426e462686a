package io.rivulet.internal.operators;

import java.util.ArrayList;
import java.util.List;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.JoinFunction;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.windowing.windows.Window;

/**
 * A window join as Flink builds it: both inputs share the window; when it fires, every element of the first
 * input is joined with every element of the second (an inner join), and the results carry the window's
 * {@code maxTimestamp}.
 */
public final class WindowJoinFunction extends ProcessWindowFunction<TwoInputElement, Object, Object, Window> {

    private static final long serialVersionUID = 1L;

    private final JoinFunction<Object, Object, Object> join;

    public WindowJoinFunction(JoinFunction<Object, Object, Object> join) {
        this.join = join;
    }

    @Override
    public void process(Object key, Context context, Iterable<TwoInputElement> elements, Collector<Object> out)
            throws Exception {
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        for (TwoInputElement element : elements) {
            (element.isFirst() ? first : second).add(element.value());
        }
        for (Object a : first) {
            for (Object b : second) {
                out.collect(join.join(a, b));
            }
        }
    }
}
