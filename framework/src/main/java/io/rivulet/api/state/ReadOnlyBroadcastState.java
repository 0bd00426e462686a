package io.rivulet.api.state;

import java.util.Map;

/** Broadcast state as the keyed side of a broadcast connect sees it: readable, not writable. */
public interface ReadOnlyBroadcastState<K, V> {

    V get(K key);

    boolean contains(K key);

    /** Every entry, ordered by the bytes of the keys. */
    Iterable<Map.Entry<K, V>> immutableEntries();
}
