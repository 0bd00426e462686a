package io.rivulet.internal.runtime;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.rivulet.state.TaskStateStore;

/**
 * The state a task's operators read and write while one input record is processed. Writes are staged per
 * record on top of the task's transactional store, so that a record whose processing throws leaves no
 * state change behind; {@link #commitRecord()} hands them to the store's transaction buffer.
 */
final class RecordState {

    private static final byte[] DELETED = new byte[0];

    private final TaskStateStore store;
    private final Map<StagedKey, byte[]> staged = new LinkedHashMap<>();

    RecordState(TaskStateStore store) {
        this.store = store;
    }

    byte[] get(String stateName, byte[] key) {
        byte[] value = staged.get(new StagedKey(stateName, key));
        if (value == DELETED) {
            return null;
        }
        return value != null ? value : store.get(stateName, key);
    }

    void put(String stateName, byte[] key, byte[] value) {
        staged.put(new StagedKey(stateName, key), value);
    }

    void delete(String stateName, byte[] key) {
        staged.put(new StagedKey(stateName, key), DELETED);
    }

    void commitRecord() {
        for (Map.Entry<StagedKey, byte[]> write : staged.entrySet()) {
            if (write.getValue() == DELETED) {
                store.delete(write.getKey().stateName, write.getKey().key);
            } else {
                store.put(write.getKey().stateName, write.getKey().key, write.getValue());
            }
        }
        staged.clear();
    }

    void discardRecord() {
        staged.clear();
    }

    private record StagedKey(String stateName, byte[] key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof StagedKey that && stateName.equals(that.stateName) && Arrays.equals(key, that.key);
        }

        @Override
        public int hashCode() {
            return 31 * stateName.hashCode() + Arrays.hashCode(key);
        }
    }
}
