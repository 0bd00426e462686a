package ${package};

import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.windowing.windows.TimeWindow;

/** Emits a fired window's total with the window's bounds, keyed by customer. */
public class StampWindow extends ProcessWindowFunction<MinuteTotal, KeyValue<String, MinuteTotal>, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public void process(String customer, Context context, Iterable<MinuteTotal> totals, Collector<KeyValue<String, MinuteTotal>> out) {
        MinuteTotal total = totals.iterator().next();
        TimeWindow window = context.window();
        out.collect(KeyValue.of(customer,
                new MinuteTotal(customer, window.getStart(), window.getEnd(), total.totalCents(), total.orders())));
    }
}
