package io.rivulet.internal.runtime.state;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.ListState;

/**
 * A list state with one entry per element, under {@code scope + [sequence number]}, so that adding writes one
 * element. The next sequence number of each scope is kept in a companion state ({@code <name>#seq}).
 */
public final class StoreListState<T> implements ListState<T>, MergeableState<List<T>> {

    private final StateAccess elements;
    private final StateAccess sequence;
    private final Serde<T> serde;

    public StoreListState(StateAccess elements, StateAccess sequence, Serde<T> serde) {
        this.elements = elements;
        this.sequence = sequence;
        this.serde = serde;
    }

    @Override
    public List<T> get() {
        List<T> values = new ArrayList<>();
        for (byte[] bytes : elements.range(elements.scope()).values()) {
            values.add(elements.decode(serde, bytes));
        }
        return values;
    }

    @Override
    public void add(T value) {
        byte[] scope = elements.scope();
        byte[] next = sequence.get(scope);
        long seq = next == null ? 0 : ByteBuffer.wrap(next).getLong();
        elements.put(
                StateAccess.concat(
                        scope, ByteBuffer.allocate(Long.BYTES).putLong(seq).array()),
                serde.serialize(value));
        sequence.put(scope, ByteBuffer.allocate(Long.BYTES).putLong(seq + 1).array());
    }

    @Override
    public void addAll(List<T> values) {
        values.forEach(this::add);
    }

    @Override
    public void update(List<T> values) {
        clear();
        addAll(values);
    }

    @Override
    public void clear() {
        byte[] scope = elements.scope();
        elements.deleteAll(scope);
        sequence.delete(scope);
    }

    @Override
    public List<T> take() {
        List<T> values = get();
        if (values.isEmpty()) {
            return null;
        }
        clear();
        return values;
    }

    @Override
    public List<T> combine(List<T> first, List<T> second) {
        List<T> combined = new ArrayList<>(first);
        combined.addAll(second);
        return combined;
    }

    @Override
    public void addMerged(List<T> contents) {
        addAll(contents);
    }
}
