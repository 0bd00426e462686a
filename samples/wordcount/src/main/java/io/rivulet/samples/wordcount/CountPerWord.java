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

    /** The operator's uid: what its state is saved, restored and queried by. */
    public static final String UID = "count-per-word";

    private transient ValueState<Long> count;

    /** The state holding each word's count: the operator registers it, {@link CountsResource} queries it. */
    static ValueStateDescriptor<Long> countState() {
        return new ValueStateDescriptor<>("count", Serdes.longs(), 0L);
    }

    @Override
    public void open(RuntimeContext context) {
        count = context.getState(countState());
    }

    @Override
    public void processElement(String word, Context ctx, Collector<KeyValue<String, String>> out) {
        long next = count.value() + 1;
        count.update(next);
        out.collect(KeyValue.of(word, Long.toString(next)));
    }
}
