package io.rivulet.api.state;

import java.util.Objects;

import io.rivulet.api.serde.Serde;

/** Describes a {@link ListState}: its name and how its elements are stored. */
public final class ListStateDescriptor<T> extends StateDescriptor {

    private static final long serialVersionUID = 1L;

    private final Serde<T> elementSerde;

    public ListStateDescriptor(String name, Serde<T> elementSerde) {
        super(name);
        this.elementSerde = Objects.requireNonNull(elementSerde, "element serde of state " + name);
    }

    public Serde<T> elementSerde() {
        return elementSerde;
    }
}
