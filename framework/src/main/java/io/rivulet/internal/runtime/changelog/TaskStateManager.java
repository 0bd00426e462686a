package io.rivulet.internal.runtime.changelog;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.internal.state.StateNames;
import io.rivulet.sink.RecordOutput;
import io.rivulet.state.StateWrite;
import io.rivulet.state.TaskStateStore;

/**
 * The state of one task: its store, the changelog partition of each stateful operator, the changelog records
 * of every state change sent in the open transaction, and the committed changelog offsets applied to the
 * store with the state once the transaction commits. The changelog reader restores through it.
 */
public final class TaskStateManager {

    private final TaskId taskId;
    private final TaskStateStore store;
    private final Map<String, TopicPartition> changelogByUid;
    private boolean changelogSent;

    /**
     * @param store the task's store; null for a task without stateful operators
     * @param changelogByUid the changelog partition of each stateful operator, by uid
     */
    public TaskStateManager(TaskId taskId, TaskStateStore store, Map<String, TopicPartition> changelogByUid) {
        this.taskId = taskId;
        this.store = store;
        this.changelogByUid = Map.copyOf(changelogByUid);
    }

    public TaskId taskId() {
        return taskId;
    }

    /** The task's store; null for a task without stateful operators. */
    public TaskStateStore store() {
        return store;
    }

    public boolean stateful() {
        return store != null;
    }

    public Collection<TopicPartition> changelogPartitions() {
        return changelogByUid.values();
    }

    public boolean hasPendingWrites() {
        return store != null && store.hasPendingWrites();
    }

    /** Sends the state changes of the open transaction to the changelog, in the same transaction. */
    public void sendChangelog(RecordOutput output) {
        if (!hasPendingWrites()) {
            return;
        }
        for (StateWrite write : store.pendingWrites()) {
            TopicPartition changelog = changelogByUid.get(StateNames.uidOf(write.stateName()));
            output.send(new ProducerRecord<>(
                    changelog.topic(),
                    changelog.partition(),
                    null,
                    ChangelogFormat.key(write.stateName(), write.key()),
                    write.value()));
        }
        changelogSent = true;
    }

    /**
     * The transaction committed: applies the state changes to the local store, atomically with where each of
     * this task's changelogs now ends.
     *
     * @param acknowledged where every partition written with an explicit partition in the transaction ends
     */
    public void completeCommit(Map<TopicPartition, Long> acknowledged) {
        if (!changelogSent) {
            return;
        }
        Map<String, Long> offsets = new HashMap<>();
        for (TopicPartition changelog : changelogByUid.values()) {
            Long end = acknowledged.get(changelog);
            if (end != null) {
                offsets.put(changelog.toString(), end);
            }
        }
        store.commit(offsets);
        changelogSent = false;
    }

    /** The transaction was aborted: drops the state changes it held. */
    public void abort() {
        changelogSent = false;
        if (store != null) {
            store.abort();
        }
    }

    /** The offset of {@code changelog} that the local store has applied (0: none). */
    public long committedOffset(TopicPartition changelog) {
        return store.committedOffsets().getOrDefault(changelog.toString(), 0L);
    }

    /** Applies restored changelog records; {@code nextOffset} is the changelog position after them. */
    public void restore(TopicPartition changelog, List<StateWrite> writes, long nextOffset) {
        store.restore(changelog.toString(), writes, nextOffset);
    }

    /** Drops the local state, which belongs to another changelog, so that it is restored from scratch. */
    public void wipe() {
        store.wipe();
    }

    /** The local state's size as the backend estimates it; 0 for a task without state. */
    public long estimatedSizeBytes() {
        return store == null ? 0 : store.estimatedSizeBytes();
    }

    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
