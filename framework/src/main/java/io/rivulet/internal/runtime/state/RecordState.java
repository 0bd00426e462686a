package io.rivulet.internal.runtime.state;

import java.util.Arrays;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.rivulet.state.Bytes;
import io.rivulet.state.StateIterator;
import io.rivulet.state.StateWrite;
import io.rivulet.state.TaskStateStore;
import io.rivulet.state.WriteBuffer;

/**
 * The state a task's operators read and write while one input record is processed. Writes are staged per
 * record on top of the task's transactional store, so that a record whose processing throws leaves no
 * state change behind; {@link #commitRecord()} hands them to the store's transaction buffer.
 */
public final class RecordState implements StagedEffects {

    private final TaskStateStore store;
    private final WriteBuffer staged = new WriteBuffer();

    public RecordState(TaskStateStore store) {
        this.store = store;
    }

    public byte[] get(String stateName, byte[] key) {
        byte[] value = staged.get(stateName, key);
        if (value == WriteBuffer.DELETED) {
            return null;
        }
        return value != null ? value : store.get(stateName, key);
    }

    public void put(String stateName, byte[] key, byte[] value) {
        staged.put(stateName, key, value);
    }

    public void delete(String stateName, byte[] key) {
        staged.delete(stateName, key);
    }

    /**
     * The entries of one state with keys in {@code [from, to)} ({@code to == null}: unbounded), committed,
     * buffered and staged merged, in key order.
     */
    public NavigableMap<byte[], byte[]> range(String stateName, byte[] from, byte[] to) {
        NavigableMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
        try (StateIterator it = store.range(stateName, from, to)) {
            it.forEachRemaining(entry -> entries.put(entry.getKey(), entry.getValue()));
        }
        staged.overlay(stateName, from, to, entries);
        return entries;
    }

    /** The entries of one state under {@code prefix}, as {@link #range(String, byte[], byte[])}. */
    public NavigableMap<byte[], byte[]> range(String stateName, byte[] prefix) {
        return range(stateName, prefix, Bytes.prefixEnd(prefix));
    }

    @Override
    public void commitRecord() {
        if (staged.isEmpty()) {
            return;
        }
        for (StateWrite write : staged.toWrites()) {
            if (write.value() == null) {
                store.delete(write.stateName(), write.key());
            } else {
                store.put(write.stateName(), write.key(), write.value());
            }
        }
        staged.clear();
    }

    @Override
    public void discardRecord() {
        staged.clear();
    }
}
