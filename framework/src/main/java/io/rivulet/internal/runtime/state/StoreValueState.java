package io.rivulet.internal.runtime.state;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.ValueState;

/** A value state: one entry per scope. */
public final class StoreValueState<T> implements ValueState<T> {

    private final StateAccess access;
    private final Serde<T> serde;
    private final T defaultValue;

    public StoreValueState(StateAccess access, Serde<T> serde, T defaultValue) {
        this.access = access;
        this.serde = serde;
        this.defaultValue = defaultValue;
    }

    @Override
    public T value() {
        byte[] bytes = access.get(access.scope());
        return bytes == null ? defaultValue : access.decode(serde, bytes);
    }

    @Override
    public void update(T value) {
        if (value == null) {
            clear();
        } else {
            access.put(access.scope(), serde.serialize(value));
        }
    }

    @Override
    public void clear() {
        access.delete(access.scope());
    }
}
