package io.rivulet.api.state;

import java.util.Map;

/**
 * State that every task of a broadcast-connected operator keeps for itself, written only by the broadcast
 * side: since every task sees every broadcast element, writing it the same way everywhere keeps the copies
 * equal. It is stored like keyed state (committed, in the changelog).
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {

    void put(K key, V value);

    void putAll(Map<K, V> entries);

    void remove(K key);

    void clear();
}
