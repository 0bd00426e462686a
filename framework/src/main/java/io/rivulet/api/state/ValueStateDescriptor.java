package io.rivulet.api.state;

import java.util.Objects;

import io.rivulet.api.serde.Serde;

/** Describes a {@link ValueState}: its name, how values are stored, and the value of a key without one. */
public final class ValueStateDescriptor<T> extends StateDescriptor {

    private static final long serialVersionUID = 1L;

    private final Serde<T> serde;
    private final T defaultValue;

    public ValueStateDescriptor(String name, Serde<T> serde) {
        this(name, serde, null);
    }

    /** @param defaultValue returned by {@link ValueState#value()} for keys without a value */
    public ValueStateDescriptor(String name, Serde<T> serde, T defaultValue) {
        super(name);
        this.serde = Objects.requireNonNull(serde, "serde of state " + name);
        this.defaultValue = defaultValue;
    }

    public Serde<T> serde() {
        return serde;
    }

    public T defaultValue() {
        return defaultValue;
    }
}
