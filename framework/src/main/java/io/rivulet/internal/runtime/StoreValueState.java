package io.rivulet.internal.runtime;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.ValueState;

/** A value state backed by the task's store, scoped to the context's current key. */
final class StoreValueState<T> implements ValueState<T> {

    private final TaskContext context;
    private final String stateName;
    private final Serde<T> serde;
    private final T defaultValue;

    StoreValueState(TaskContext context, String stateName, Serde<T> serde, T defaultValue) {
        this.context = context;
        this.stateName = stateName;
        this.serde = serde;
        this.defaultValue = defaultValue;
    }

    @Override
    public T value() {
        byte[] bytes = context.state().get(stateName, context.currentKeyBytes());
        return bytes == null ? defaultValue : serde.deserialize(bytes);
    }

    @Override
    public void update(T value) {
        if (value == null) {
            clear();
        } else {
            context.state().put(stateName, context.currentKeyBytes(), serde.serialize(value));
        }
    }

    @Override
    public void clear() {
        context.state().delete(stateName, context.currentKeyBytes());
    }
}
