package io.rivulet.api.state;

import java.util.Map;

/** A map per key. Each entry is stored on its own, so {@link #put} writes one entry, never the whole map. */
public interface MapState<K, V> {

    /** The value of {@code key} for the current key, or null. */
    V get(K key);

    void put(K key, V value);

    void putAll(Map<K, V> entries);

    void remove(K key);

    boolean contains(K key);

    /** The entries of the current key, ordered by the bytes of their keys. */
    Iterable<Map.Entry<K, V>> entries();

    Iterable<K> keys();

    Iterable<V> values();

    boolean isEmpty();

    /** Removes every entry of the current key only. */
    void clear();
}
