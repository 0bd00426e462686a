package io.rivulet.internal.runtime.state;

import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.ReducingState;

/** A reducing state: the reduced value, one entry per scope. */
public final class StoreReducingState<T> implements ReducingState<T>, MergeableState<T> {

    private final StateAccess access;
    private final ReduceFunction<T> reduce;
    private final Serde<T> serde;

    public StoreReducingState(StateAccess access, ReduceFunction<T> reduce, Serde<T> serde) {
        this.access = access;
        this.reduce = reduce;
        this.serde = serde;
    }

    @Override
    public T get() {
        byte[] bytes = access.get(access.scope());
        return bytes == null ? null : access.decode(serde, bytes);
    }

    @Override
    public void add(T value) throws Exception {
        T current = get();
        access.put(access.scope(), serde.serialize(current == null ? value : reduce.reduce(current, value)));
    }

    @Override
    public void clear() {
        access.delete(access.scope());
    }

    @Override
    public T take() {
        T value = get();
        if (value != null) {
            clear();
        }
        return value;
    }

    @Override
    public T combine(T first, T second) throws Exception {
        return reduce.reduce(first, second);
    }

    @Override
    public void addMerged(T contents) throws Exception {
        add(contents);
    }
}
