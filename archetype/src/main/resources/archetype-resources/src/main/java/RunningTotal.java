package ${package};

import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;

/** Keeps each customer's total in keyed state and emits the new total for every order. */
public class RunningTotal extends KeyedProcessFunction<String, Order, KeyValue<String, String>> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> totalCents;

    @Override
    public void open(RuntimeContext context) {
        totalCents = context.getState(new ValueStateDescriptor<>("total-cents", Serdes.longs(), 0L));
    }

    @Override
    public void processElement(Order order, Context ctx, Collector<KeyValue<String, String>> out) {
        long total = totalCents.value() + order.amountCents();
        totalCents.update(total);
        out.collect(KeyValue.of(order.customer(), Long.toString(total)));
    }
}
