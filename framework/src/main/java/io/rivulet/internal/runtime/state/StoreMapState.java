package io.rivulet.internal.runtime.state;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.rivulet.api.serde.Serde;
import io.rivulet.internal.operators.SortedMapState;

/**
 * A map state with one entry per map key, under {@code scope + [map key bytes]}; range reads follow the order of
 * the serialized map keys.
 */
public final class StoreMapState<K, V> implements SortedMapState<K, V> {

    private final StateAccess access;
    private final Serde<K> keySerde;
    private final Serde<V> valueSerde;

    public StoreMapState(StateAccess access, Serde<K> keySerde, Serde<V> valueSerde) {
        this.access = access;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
    }

    private byte[] entryKey(K key) {
        return StateAccess.concat(access.scope(), keySerde.serialize(key));
    }

    @Override
    public V get(K key) {
        byte[] bytes = access.get(entryKey(key));
        return bytes == null ? null : access.decode(valueSerde, bytes);
    }

    @Override
    public void put(K key, V value) {
        if (value == null) {
            remove(key);
        } else {
            access.put(entryKey(key), valueSerde.serialize(value));
        }
    }

    @Override
    public void putAll(Map<K, V> entries) {
        entries.forEach(this::put);
    }

    @Override
    public void remove(K key) {
        access.delete(entryKey(key));
    }

    @Override
    public boolean contains(K key) {
        return access.get(entryKey(key)) != null;
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        byte[] scope = access.scope();
        return decoded(scope, access.range(scope));
    }

    @Override
    public Iterable<Map.Entry<K, V>> entriesBetween(K from, K to) {
        byte[] scope = access.scope();
        return decoded(
                scope,
                access.range(
                        StateAccess.concat(scope, keySerde.serialize(from)),
                        StateAccess.successor(StateAccess.concat(scope, keySerde.serialize(to)))));
    }

    @Override
    public void removeBetween(K from, K to) {
        byte[] scope = access.scope();
        access.range(
                        StateAccess.concat(scope, keySerde.serialize(from)),
                        StateAccess.successor(StateAccess.concat(scope, keySerde.serialize(to))))
                .keySet()
                .forEach(access::delete);
    }

    private List<Map.Entry<K, V>> decoded(byte[] scope, Map<byte[], byte[]> stored) {
        List<Map.Entry<K, V>> entries = new ArrayList<>(stored.size());
        stored.forEach((key, value) -> entries.add(new AbstractMap.SimpleImmutableEntry<>(
                access.decode(keySerde, Arrays.copyOfRange(key, scope.length, key.length)),
                access.decode(valueSerde, value))));
        return entries;
    }

    @Override
    public Iterable<K> keys() {
        List<K> keys = new ArrayList<>();
        entries().forEach(entry -> keys.add(entry.getKey()));
        return keys;
    }

    @Override
    public Iterable<V> values() {
        List<V> values = new ArrayList<>();
        entries().forEach(entry -> values.add(entry.getValue()));
        return values;
    }

    @Override
    public boolean isEmpty() {
        return access.range(access.scope()).isEmpty();
    }

    @Override
    public void clear() {
        access.deleteAll(access.scope());
    }
}
