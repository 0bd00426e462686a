package ${package};

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.Serdes;

/**
 * A customer's orders in one minute of event time, as written to {@code order-totals-per-minute}:
 * {@code [windowStart, windowEnd)}, the sum and the number of orders.
 */
public record MinuteTotal(String customer, long windowStart, long windowEnd, long totalCents, long orders) {

    public static final Serde<MinuteTotal> SERDE = Serdes.json(MinuteTotal.class);
}
