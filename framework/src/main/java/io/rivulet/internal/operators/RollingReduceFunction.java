package io.rivulet.internal.operators;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;

/**
 * A rolling reduce on a keyed stream, as Flink's {@code StreamGroupedReduceOperator}: the running value of each
 * key is keyed value state; the first element of a key becomes it unchanged, every later one is reduced into it
 * ({@code reduce(running, element)}); the new running value is emitted for every element, with that element's
 * timestamp.
 */
public final class RollingReduceFunction extends KeyedProcessFunction<Object, Object, Object> {

    private static final long serialVersionUID = 1L;

    private final ReduceFunction<Object> reduce;
    private final Serde<Object> serde;
    private transient ValueState<Object> running;

    public RollingReduceFunction(ReduceFunction<Object> reduce, Serde<Object> serde) {
        this.reduce = reduce;
        this.serde = serde;
    }

    @Override
    public void open(RuntimeContext context) {
        running = context.getState(new ValueStateDescriptor<>("running-value", serde));
    }

    @Override
    public void processElement(Object value, Context ctx, Collector<Object> out) throws Exception {
        Object current = running.value();
        Object reduced = current == null ? value : reduce.reduce(current, value);
        running.update(reduced);
        out.collect(reduced);
    }
}
