package io.rivulet.internal.operators;

import java.util.Map;

import io.rivulet.api.state.BroadcastState;
import io.rivulet.api.state.MapState;

/** Broadcast state over a map state of the whole task. */
public record StoredBroadcastState<K, V>(MapState<K, V> map) implements BroadcastState<K, V> {

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public boolean contains(K key) {
        return map.contains(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() {
        return map.entries();
    }

    @Override
    public void put(K key, V value) {
        map.put(key, value);
    }

    @Override
    public void putAll(Map<K, V> entries) {
        map.putAll(entries);
    }

    @Override
    public void remove(K key) {
        map.remove(key);
    }

    @Override
    public void clear() {
        map.clear();
    }
}
