package io.rivulet.internal.operators;

import io.rivulet.api.functions.CoGroupFunction;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.JoinFunction;

/**
 * A window join as the co-group Flink makes of it: every element of the first input with every element of the
 * second, first input outermost, so a key missing on either side in a window joins nothing (an inner join).
 */
public final class JoinCoGroupFunction implements CoGroupFunction<Object, Object, Object> {

    private static final long serialVersionUID = 1L;

    private final JoinFunction<Object, Object, Object> join;

    public JoinCoGroupFunction(JoinFunction<Object, Object, Object> join) {
        this.join = join;
    }

    @Override
    public void coGroup(Iterable<Object> first, Iterable<Object> second, Collector<Object> out) throws Exception {
        for (Object a : first) {
            for (Object b : second) {
                out.collect(join.join(a, b));
            }
        }
    }
}
