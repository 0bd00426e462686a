package io.rivulet.internal.runtime.query;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.state.TaskStateStore;

/**
 * The stateful tasks this instance runs, as interactive queries see them: the store to read committed state from,
 * and whether it still restores. The stream threads add a task when it is assigned, mark it restored, and remove it
 * before its store closes. Thread-safe.
 */
public final class QueryableTasks {

    /** A task's store and whether its state is caught up with its changelogs. */
    public record Entry(TaskStateStore store, boolean restored) {}

    private final Map<TaskId, Entry> tasks = new ConcurrentHashMap<>();

    public void assigned(TaskId task, TaskStateStore store) {
        tasks.put(task, new Entry(store, false));
    }

    public void restored(TaskId task) {
        tasks.computeIfPresent(task, (id, entry) -> new Entry(entry.store(), true));
    }

    public void removed(TaskId task) {
        tasks.remove(task);
    }

    public Optional<Entry> get(TaskId task) {
        return Optional.ofNullable(tasks.get(task));
    }

    /** The tasks of one sub-topology this instance runs now. */
    public Map<TaskId, Entry> ofSubTopology(int subTopology) {
        Map<TaskId, Entry> found = new TreeMap<>(Comparator.comparingInt(TaskId::partition));
        tasks.forEach((id, entry) -> {
            if (id.subTopology() == subTopology) {
                found.put(id, entry);
            }
        });
        return found;
    }
}
