package ${package};

import io.rivulet.api.functions.AggregateFunction;

/** Sums a window's orders incrementally: the window keeps one running {@link MinuteTotal}, not the orders. */
public class SumOrders implements AggregateFunction<Order, MinuteTotal, MinuteTotal> {

    private static final long serialVersionUID = 1L;

    @Override
    public MinuteTotal createAccumulator() {
        return new MinuteTotal(null, 0, 0, 0, 0);
    }

    @Override
    public MinuteTotal add(Order order, MinuteTotal total) {
        return new MinuteTotal(order.customer(), 0, 0, total.totalCents() + order.amountCents(), total.orders() + 1);
    }

    @Override
    public MinuteTotal getResult(MinuteTotal total) {
        return total;
    }

    @Override
    public MinuteTotal merge(MinuteTotal a, MinuteTotal b) {
        return new MinuteTotal(a.customer(), 0, 0, a.totalCents() + b.totalCents(), a.orders() + b.orders());
    }
}
