package io.rivulet.internal.runtime;

import java.util.function.Supplier;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.ValueState;

/**
 * A value state backed by the task's store, scoped by {@code scope}: the current key for keyed state, the
 * key and a window for per-window and trigger state. The scope is read at every access, so one handle serves
 * every key.
 */
final class StoreValueState<T> implements ValueState<T> {

    private final TaskContext context;
    private final String stateName;
    private final Serde<T> serde;
    private final T defaultValue;
    private final Supplier<byte[]> scope;

    StoreValueState(TaskContext context, String stateName, Serde<T> serde, T defaultValue, Supplier<byte[]> scope) {
        this.context = context;
        this.scope = scope;
        this.stateName = stateName;
        this.serde = serde;
        this.defaultValue = defaultValue;
    }

    @Override
    public T value() {
        byte[] bytes = context.state().get(stateName, scope.get());
        return bytes == null ? defaultValue : serde.deserialize(bytes);
    }

    @Override
    public void update(T value) {
        if (value == null) {
            clear();
        } else {
            context.state().put(stateName, scope.get(), serde.serialize(value));
        }
    }

    @Override
    public void clear() {
        context.state().delete(stateName, scope.get());
    }
}
