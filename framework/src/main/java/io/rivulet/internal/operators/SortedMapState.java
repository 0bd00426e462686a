package io.rivulet.internal.operators;

import java.util.Map;

import io.rivulet.api.state.MapState;

/**
 * A map state whose entries can be read and removed by a range of map keys, in the order of their serialized
 * bytes: the reads an operator needs to look up only the part of its state a record can touch (an interval
 * join's buffered elements near a timestamp). The key serde must preserve order, as {@link SortableLongSerde}.
 */
public interface SortedMapState<K, V> extends MapState<K, V> {

    /** The entries with map keys in {@code [from, to]}, in key order. */
    Iterable<Map.Entry<K, V>> entriesBetween(K from, K to);

    /** Removes the entries with map keys in {@code [from, to]}. */
    void removeBetween(K from, K to);
}
