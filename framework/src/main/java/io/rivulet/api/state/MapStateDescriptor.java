package io.rivulet.api.state;

import java.util.Objects;

import io.rivulet.api.serde.Serde;

/**
 * Describes a {@link MapState}: its name and how its keys and values are stored. Map keys are ordered by their
 * bytes when iterated.
 */
public final class MapStateDescriptor<K, V> extends StateDescriptor {

    private static final long serialVersionUID = 1L;

    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;

    public MapStateDescriptor(String name, Serde<K> keySerde, Serde<V> valueSerde) {
        super(name);
        this.keySerde = Objects.requireNonNull(keySerde, "key serde of state " + name);
        this.valueSerde = Objects.requireNonNull(valueSerde, "value serde of state " + name);
    }

    public Serde<K> keySerde() {
        return keySerde;
    }

    public Serde<V> valueSerde() {
        return valueSerde;
    }
}
