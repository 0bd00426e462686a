package io.rivulet.api.state;

import java.util.Objects;

import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.serde.Serde;

/** Describes a {@link ReducingState}: its name, the reduce function and how the reduced value is stored. */
public final class ReducingStateDescriptor<T> extends StateDescriptor {

    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;
    private final Serde<T> serde;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Serde<T> serde) {
        super(name);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduce function of state " + name);
        this.serde = Objects.requireNonNull(serde, "serde of state " + name);
    }

    public ReduceFunction<T> reduceFunction() {
        return reduceFunction;
    }

    public Serde<T> serde() {
        return serde;
    }
}
