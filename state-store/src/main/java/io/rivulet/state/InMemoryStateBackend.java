package io.rivulet.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.rivulet.state.internal.BufferedTaskStore;

/**
 * Task state on the heap, for small state and tests. State survives closing and reopening a task within the
 * same backend instance (a clean restart), not a new instance.
 */
public final class InMemoryStateBackend implements StateBackend {

    private final Map<String, TaskData> tasks = new ConcurrentHashMap<>();
    private final Set<String> open = ConcurrentHashMap.newKeySet();

    private static final class TaskData {
        private final Map<String, NavigableMap<byte[], byte[]>> states = new HashMap<>();
        private final Map<String, Long> offsets = new HashMap<>();
    }

    @Override
    public TaskStateStore open(String taskId) {
        if (!open.add(taskId)) {
            throw new StateStoreLockedException("the in-memory store of task " + taskId + " is open already");
        }
        return new Store(taskId, tasks.computeIfAbsent(taskId, id -> new TaskData()));
    }

    /**
     * A copy of the committed state of a task (the writes of an open transaction are not in it): per state
     * name, its entries. What a test harness snapshot holds, to be imported into another backend.
     */
    public Map<String, NavigableMap<byte[], byte[]>> export(String taskId) {
        Map<String, NavigableMap<byte[], byte[]>> copy = new HashMap<>();
        TaskData data = tasks.get(taskId);
        if (data != null) {
            data.states.forEach((name, entries) -> copy.put(name, copyOf(entries)));
        }
        return copy;
    }

    /** Replaces the committed state of a task that is not open with exported state. */
    public void importState(String taskId, Map<String, NavigableMap<byte[], byte[]>> states) {
        if (open.contains(taskId)) {
            throw new StateStoreLockedException(
                    "cannot import into the in-memory store of task " + taskId + " while it is open");
        }
        TaskData data = new TaskData();
        states.forEach((name, entries) -> data.states.put(name, copyOf(entries)));
        tasks.put(taskId, data);
    }

    private static NavigableMap<byte[], byte[]> copyOf(NavigableMap<byte[], byte[]> entries) {
        NavigableMap<byte[], byte[]> copy = new TreeMap<>(Bytes.ORDER);
        entries.forEach((key, value) -> copy.put(key.clone(), value.clone()));
        return copy;
    }

    @Override
    public Map<String, Map<String, Long>> closedTaskOffsets() {
        Map<String, Map<String, Long>> offsets = new HashMap<>();
        tasks.forEach((taskId, data) -> {
            if (!open.contains(taskId)) {
                offsets.put(taskId, Map.copyOf(data.offsets));
            }
        });
        return offsets;
    }

    @Override
    public void delete(String taskId) {
        if (open.contains(taskId)) {
            throw new StateStoreLockedException(
                    "cannot delete the in-memory store of task " + taskId + " while it is open");
        }
        tasks.remove(taskId);
    }

    @Override
    public void close() {
        tasks.clear();
    }

    private final class Store extends BufferedTaskStore {

        private final TaskData data;

        Store(String taskId, TaskData data) {
            super(taskId);
            this.data = data;
        }

        @Override
        protected byte[] committedGet(String stateName, byte[] key) {
            NavigableMap<byte[], byte[]> state = data.states.get(stateName);
            return state == null ? null : state.get(key);
        }

        @Override
        protected void committedRange(String stateName, byte[] from, byte[] to, NavigableMap<byte[], byte[]> into) {
            NavigableMap<byte[], byte[]> state = data.states.get(stateName);
            if (state == null) {
                return;
            }
            into.putAll(to == null ? state.tailMap(from, true) : state.subMap(from, true, to, false));
        }

        @Override
        public long estimatedSizeBytes() {
            long bytes = 0;
            for (NavigableMap<byte[], byte[]> state : data.states.values()) {
                for (Map.Entry<byte[], byte[]> entry : state.entrySet()) {
                    bytes += entry.getKey().length + entry.getValue().length;
                }
            }
            return bytes;
        }

        @Override
        public StateIterator committedEntries(String stateName) {
            NavigableMap<byte[], byte[]> state = data.states.get(stateName);
            return state == null
                    ? StateIterator.EMPTY
                    : StateIterator.of(state.entrySet().iterator());
        }

        @Override
        protected void writeAtomically(List<StateWrite> writes, Map<String, Long> offsets) {
            for (StateWrite write : writes) {
                NavigableMap<byte[], byte[]> state =
                        data.states.computeIfAbsent(write.stateName(), n -> new TreeMap<>(Bytes.ORDER));
                if (write.value() == null) {
                    state.remove(write.key());
                } else {
                    state.put(write.key(), write.value());
                }
            }
            data.offsets.putAll(offsets);
        }

        @Override
        public Map<String, Long> committedOffsets() {
            return Map.copyOf(data.offsets);
        }

        @Override
        protected void committedWipe() {
            data.states.clear();
            data.offsets.clear();
        }

        @Override
        protected void release() {
            open.remove(taskId());
        }
    }
}
