package io.rivulet.internal.runtime.assignment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.state.StateBackend;

/**
 * How far this instance's local copy of each task's state has applied its changelogs: the sum of the committed
 * changelog offsets of its store, per task, for every task whose state is on this instance (active, standby, or
 * closed and kept on disk). Each member's subscription carries it, so that the group's leader sees which instance
 * holds which state and how far behind it is (Kafka Streams' task offset sums). The stream threads update the tasks
 * they run; a starting instance learns the closed ones from the state backend. Thread-safe.
 */
public final class LocalTaskOffsets {

    private final Map<TaskId, Long> sums = new ConcurrentHashMap<>();

    /** The offsets of the stores the backend holds closed, as it last closed them. */
    public static LocalTaskOffsets of(StateBackend backend) {
        LocalTaskOffsets offsets = new LocalTaskOffsets();
        backend.closedTaskOffsets()
                .forEach((task, committed) -> TaskId.parse(task).ifPresent(id -> offsets.update(id, committed)));
        return offsets;
    }

    /** @param committed the store's committed offsets, by changelog partition */
    public void update(TaskId task, Map<String, Long> committed) {
        sums.put(task, committed.values().stream().mapToLong(Long::longValue).sum());
    }

    public Map<TaskId, Long> sums() {
        return Map.copyOf(sums);
    }
}
