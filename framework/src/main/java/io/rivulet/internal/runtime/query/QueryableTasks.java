package io.rivulet.internal.runtime.query;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.state.TaskStateStore;

/**
 * The stateful tasks this instance runs, as interactive queries see them: the store to read committed state from,
 * and whether it still restores, and the standby replicas it keeps. The stream threads add a task when it is
 * assigned, mark it restored, and remove it before its store closes. Thread-safe.
 */
public final class QueryableTasks {

    /** A task's store and whether its state is caught up with its changelogs. */
    public record Entry(TaskStateStore store, boolean restored) {}

    /**
     * A standby or warm-up replica's store and how many changelog records it is behind (empty until its first fetch).
     */
    public record Replica(TaskStateStore store, OptionalLong lag) {}

    private final Map<TaskId, Entry> tasks = new ConcurrentHashMap<>();
    private final Map<TaskId, Replica> replicas = new ConcurrentHashMap<>();

    public void assigned(TaskId task, TaskStateStore store) {
        tasks.put(task, new Entry(store, false));
    }

    public void restored(TaskId task) {
        tasks.computeIfPresent(task, (id, entry) -> new Entry(entry.store(), true));
    }

    public void removed(TaskId task) {
        tasks.remove(task);
    }

    public void replicaOpened(TaskId task, TaskStateStore store) {
        replicas.put(task, new Replica(store, OptionalLong.empty()));
    }

    public void replicaLag(TaskId task, OptionalLong lag) {
        replicas.computeIfPresent(task, (id, replica) -> new Replica(replica.store(), lag));
    }

    public void replicaClosed(TaskId task) {
        replicas.remove(task);
    }

    /** The replica of a task this instance keeps, if any. */
    public Optional<Replica> replica(TaskId task) {
        return Optional.ofNullable(replicas.get(task));
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
