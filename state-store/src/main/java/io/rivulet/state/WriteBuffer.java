package io.rivulet.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Buffered state writes, last write per (state, key) winning: the open transaction's writes in a store, or one
 * record's staged writes in the framework. Each state's writes are kept in key order so that a range read
 * overlays only the buffered keys inside its bounds, not the whole buffer.
 */
public final class WriteBuffer {

    /** Marks a buffered delete, distinct from "not buffered". */
    public static final byte[] DELETED = new byte[0];

    private final Map<String, NavigableMap<byte[], byte[]>> states = new HashMap<>();
    private int size;
    /** The writes as a list, kept until the next change: a commit reads them twice (changelog, then store). */
    private List<StateWrite> listed;

    /** The buffered value, {@link #DELETED}, or {@code null} when the key is not buffered. */
    public byte[] get(String stateName, byte[] key) {
        NavigableMap<byte[], byte[]> writes = states.get(stateName);
        return writes == null ? null : writes.get(key);
    }

    public void put(String stateName, byte[] key, byte[] value) {
        listed = null;
        if (states.computeIfAbsent(stateName, name -> new TreeMap<>(Bytes.ORDER))
                        .put(key, value)
                == null) {
            size++;
        }
    }

    public void delete(String stateName, byte[] key) {
        put(stateName, key, DELETED);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        states.clear();
        size = 0;
        listed = null;
    }

    /** The writes, grouped by state and in key order within a state; deletes have a {@code null} value. */
    public List<StateWrite> toWrites() {
        if (listed == null) {
            List<StateWrite> result = new ArrayList<>(size);
            states.forEach((stateName, writes) -> writes.forEach(
                    (key, value) -> result.add(new StateWrite(stateName, key, value == DELETED ? null : value))));
            listed = Collections.unmodifiableList(result);
        }
        return listed;
    }

    /**
     * Overlays the buffered writes of one state with keys in {@code [from, to)} onto {@code entries}
     * ({@code to == null}: no upper bound).
     */
    public void overlay(String stateName, byte[] from, byte[] to, NavigableMap<byte[], byte[]> entries) {
        NavigableMap<byte[], byte[]> writes = states.get(stateName);
        if (writes == null || (to != null && Bytes.ORDER.compare(from, to) >= 0)) {
            return;
        }
        (to == null ? writes.tailMap(from, true) : writes.subMap(from, true, to, false)).forEach((key, value) -> {
            if (value == DELETED) {
                entries.remove(key);
            } else {
                entries.put(key, value);
            }
        });
    }
}
