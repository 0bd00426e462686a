package ${package};

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.rivulet.api.DataStream;
import io.rivulet.api.JobBuilder;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.KeyedStream;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.RivuletJob;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * Orders in; out, exactly once: each customer's running total for every order ({@code order-totals}), and
 * each customer's total per minute of event time once the minute is complete ({@code order-totals-per-minute}).
 * Orders too late for their minute go to {@code late-orders}.
 */
@ApplicationScoped
public class OrderTotalsJob implements RivuletJob {

    public static final String INPUT = "orders";
    public static final String OUTPUT = "order-totals";
    public static final String PER_MINUTE = "order-totals-per-minute";
    public static final String LATE_ORDERS = "late-orders";
    public static final OutputTag<Order> LATE = new OutputTag<>("late-orders");
    /** Every topic the job reads or writes; they must exist before it starts. */
    public static final List<String> TOPICS = List.of(INPUT, OUTPUT, PER_MINUTE, LATE_ORDERS);
    /** How far behind the latest order the watermark stays: orders up to this much out of order are on time. */
    public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);

    @Override
    public void define(JobBuilder job) {
        KeyedStream<Order, String> byCustomer = job.fromSource(KafkaSource.values(INPUT, Order.SERDE),
                        WatermarkStrategy.<Order>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                                .withTimestampAssigner((order, recordTimestamp) -> order.ts()))
                .filter(order -> order.amountCents() > 0)
                .keyBy(Order::customer, Serdes.string(), Order.SERDE);
        byCustomer.process(new RunningTotal()).uid("running-total")
                .sinkTo(KafkaSink.keyValues(OUTPUT, Serdes.string(), Serdes.string()));
        DataStream<KeyValue<String, MinuteTotal>> perMinute = perMinute(byCustomer);
        perMinute.sinkTo(KafkaSink.keyValues(PER_MINUTE, Serdes.string(), MinuteTotal.SERDE));
        perMinute.getSideOutput(LATE).map(order -> KeyValue.of(order.customer(), order))
                .sinkTo(KafkaSink.keyValues(LATE_ORDERS, Serdes.string(), Order.SERDE));
    }

    /** Tumbling one-minute event-time windows per customer; on their own so the unit test can drive them. */
    public static DataStream<KeyValue<String, MinuteTotal>> perMinute(KeyedStream<Order, String> byCustomer) {
        return byCustomer.window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .sideOutputLateData(LATE)
                .aggregate(new SumOrders(), MinuteTotal.SERDE, new StampWindow())
                .uid("per-minute");
    }
}
