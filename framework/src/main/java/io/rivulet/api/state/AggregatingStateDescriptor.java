package io.rivulet.api.state;

import java.util.Objects;

import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.serde.Serde;

/** Describes an {@link AggregatingState}: its name, the aggregate function and how the accumulator is stored. */
public final class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor {

    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;
    private final Serde<ACC> accumulatorSerde;

    public AggregatingStateDescriptor(
            String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Serde<ACC> accumulatorSerde) {
        super(name);
        this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregate function of state " + name);
        this.accumulatorSerde = Objects.requireNonNull(accumulatorSerde, "accumulator serde of state " + name);
    }

    public AggregateFunction<IN, ACC, OUT> aggregateFunction() {
        return aggregateFunction;
    }

    public Serde<ACC> accumulatorSerde() {
        return accumulatorSerde;
    }
}
