package ${package};

import jakarta.enterprise.context.ApplicationScoped;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.KafkaSink;
import io.rivulet.api.KafkaSource;
import io.rivulet.api.RivuletJob;
import io.rivulet.api.serde.Serdes;

/** Orders in, each customer's running total out, exactly once. */
@ApplicationScoped
public class OrderTotalsJob implements RivuletJob {

    public static final String INPUT = "orders";
    public static final String OUTPUT = "order-totals";

    @Override
    public void define(JobBuilder job) {
        job.fromSource(KafkaSource.values(INPUT, Serdes.json(Order.class)))
                .filter(order -> order.amountCents() > 0)
                .keyBy(Order::customer, Serdes.string(), Serdes.json(Order.class))
                .process(new RunningTotal()).uid("running-total")
                .sinkTo(KafkaSink.keyValues(OUTPUT, Serdes.string(), Serdes.string()));
    }
}
