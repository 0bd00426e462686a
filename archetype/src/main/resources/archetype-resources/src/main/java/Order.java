package ${package};

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.Serdes;

/**
 * An order on the {@code orders} topic, as JSON: {@code {"customer": "c-1", "amountCents": 1250, "ts": 1700000000000}};
 * {@code ts} (epoch milliseconds) is the order's event time.
 */
public record Order(String customer, long amountCents, long ts) {

    public static final Serde<Order> SERDE = Serdes.json(Order.class);
}
