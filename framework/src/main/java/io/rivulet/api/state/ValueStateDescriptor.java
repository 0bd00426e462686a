package io.rivulet.api.state;

import java.io.Serializable;
import java.util.Objects;

import io.rivulet.api.serde.Serde;

/**
 * Names a value state of an operator and says how its values are stored. The name is what savepoints and
 * the changelog match on: keep it stable across versions of the job.
 */
public final class ValueStateDescriptor<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final Serde<T> serde;
    private final T defaultValue;

    public ValueStateDescriptor(String name, Serde<T> serde) {
        this(name, serde, null);
    }

    /** @param defaultValue returned by {@link ValueState#value()} for keys without a value */
    public ValueStateDescriptor(String name, Serde<T> serde, T defaultValue) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a state needs a name");
        }
        this.name = name;
        this.serde = Objects.requireNonNull(serde, "serde of state " + name);
        this.defaultValue = defaultValue;
    }

    public String name() {
        return name;
    }

    public Serde<T> serde() {
        return serde;
    }

    public T defaultValue() {
        return defaultValue;
    }
}
