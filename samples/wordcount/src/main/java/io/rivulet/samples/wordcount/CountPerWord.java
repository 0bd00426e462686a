package io.rivulet.samples.wordcount;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;

/** Keeps the count of each word in value state and emits the new count for every occurrence. */
public class CountPerWord extends KeyedProcessFunction<String, String, KeyValue<String, String>> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> count;

    @Override
    public void open(RuntimeContext context) {
        count = context.getState(new ValueStateDescriptor<>("count", Serdes.longs(), 0L));
    }

    @Override
    public void processElement(String word, Context ctx, Collector<KeyValue<String, String>> out) {
        long next = count.value() + 1;
        count.update(next);
        out.collect(KeyValue.of(word, Long.toString(next)));
    }
}
