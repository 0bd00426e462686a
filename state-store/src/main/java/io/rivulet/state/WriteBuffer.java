package io.rivulet.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import io.rivulet.state.internal.Bytes;

/**
 * Buffered state writes, last write per (state, key) winning, in order of first write: the open transaction's
 * writes in a store, or one record's staged writes in the framework.
 */
public final class WriteBuffer {

    /** Marks a buffered delete, distinct from "not buffered". */
    public static final byte[] DELETED = new byte[0];

    private final Map<Key, byte[]> writes = new LinkedHashMap<>();

    private record Key(String stateName, byte[] key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && stateName.equals(that.stateName) && Arrays.equals(key, that.key);
        }

        @Override
        public int hashCode() {
            return 31 * stateName.hashCode() + Arrays.hashCode(key);
        }
    }

    /** The buffered value, {@link #DELETED}, or {@code null} when the key is not buffered. */
    public byte[] get(String stateName, byte[] key) {
        return writes.get(new Key(stateName, key));
    }

    public void put(String stateName, byte[] key, byte[] value) {
        writes.put(new Key(stateName, key), value);
    }

    public void delete(String stateName, byte[] key) {
        writes.put(new Key(stateName, key), DELETED);
    }

    public boolean isEmpty() {
        return writes.isEmpty();
    }

    public void clear() {
        writes.clear();
    }

    public List<StateWrite> toWrites() {
        List<StateWrite> result = new ArrayList<>(writes.size());
        writes.forEach((k, v) -> result.add(new StateWrite(k.stateName, k.key, v == DELETED ? null : v)));
        return result;
    }

    /** Overlays the buffered writes of one state under {@code prefix} onto {@code entries}. */
    public void overlay(String stateName, byte[] prefix, NavigableMap<byte[], byte[]> entries) {
        writes.forEach((k, v) -> {
            if (k.stateName.equals(stateName) && Bytes.startsWith(k.key, prefix)) {
                if (v == DELETED) {
                    entries.remove(k.key);
                } else {
                    entries.put(k.key, v);
                }
            }
        });
    }
}
