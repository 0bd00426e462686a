package io.rivulet.testfunctions;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;

/** Emits {@code <element><separator><n>} for the n-th occurrence of each element: a count in value state. */
public final class CountPerKey extends KeyedProcessFunction<String, String, String> {

    private static final long serialVersionUID = 1L;
    private final String separator;
    private transient ValueState<Long> count;

    public CountPerKey(String separator) {
        this.separator = separator;
    }

    @Override
    public void open(RuntimeContext context) {
        count = context.getState(new ValueStateDescriptor<>("count", Serdes.longs(), 0L));
    }

    @Override
    public void processElement(String element, Context ctx, Collector<String> out) {
        count.update(count.value() + 1);
        out.collect(element + separator + count.value());
    }
}
