package io.rivulet.internal.runtime.changelog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.internal.runtime.metrics.RuntimeMetrics;
import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.state.StateWrite;

/**
 * Brings the stores of newly assigned tasks up to date from their changelogs, a batch per poll loop
 * iteration so that the thread keeps its group membership while it restores. A store that holds committed
 * offsets is replayed from there: after a clean shutdown nothing, after a crash only the tail.
 *
 * <p>It also keeps the stores of standby tasks up to date: their changelogs are tailed without end, read_committed,
 * paused while an active task restores so that a task that is to run comes first (as Kafka Streams does).
 */
public final class ChangelogReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangelogReader.class);

    /** A long restore says how far it got this often, not per batch. */
    private static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(5);

    /** How long a standby catch-up poll waits for a fetch: long enough for one round trip to the broker. */
    private static final Duration STANDBY_POLL = Duration.ofMillis(10);

    private final KafkaConsumer<byte[], byte[]> restoreConsumer;
    private final RuntimeMetrics metrics;
    private final Map<TopicPartition, Restoration> active = new HashMap<>();
    private final Map<TopicPartition, TaskStateManager> standbys = new HashMap<>();
    private final Map<TaskId, TaskProgress> progress = new HashMap<>();
    private long lastProgressLog = System.nanoTime();

    /** @param metrics told of every batch of changelog records applied, and of what each task has left */
    public ChangelogReader(KafkaConsumer<byte[], byte[]> restoreConsumer, RuntimeMetrics metrics) {
        this.restoreConsumer = restoreConsumer;
        this.metrics = metrics;
    }

    private record Restoration(TaskStateManager state, long endOffset) {}

    /**
     * How far a task's restore got.
     *
     * @param restored changelog records applied so far
     * @param remaining changelog records still to apply
     * @param recordsPerSecond the rate since the restore started
     */
    public record Progress(long restored, long remaining, long recordsPerSecond) {}

    private static final class TaskProgress {
        private final long startNanos = System.nanoTime();
        private long records;
        private long remaining;
        private int pending;

        Progress snapshot(long now) {
            double seconds = (now - startNanos) / 1e9;
            return new Progress(records, remaining, Math.round(records / Math.max(seconds, 1e-3)));
        }
    }

    public boolean restoring() {
        return !progress.isEmpty();
    }

    /** How far the restore of a task got; empty if it is not restoring. */
    public Optional<Progress> progress(TaskId task) {
        TaskProgress taskProgress = progress.get(task);
        return taskProgress == null ? Optional.empty() : Optional.of(taskProgress.snapshot(System.nanoTime()));
    }

    /** Starts restoring a task's state; returns true if it has nothing to restore. */
    public boolean register(TaskStateManager state) {
        TaskProgress taskProgress = new TaskProgress();
        List<TopicPartition> changelogs = List.copyOf(state.changelogPartitions());
        Map<TopicPartition, Long> ends = restoreConsumer.endOffsets(changelogs);
        wipeIfForeign(state, ends);
        long toRestore = 0;
        for (TopicPartition changelog : changelogs) {
            long start = state.committedOffset(changelog);
            long end = ends.getOrDefault(changelog, 0L);
            if (start < end) {
                toRestore += end - start;
                active.put(changelog, new Restoration(state, end));
                taskProgress.pending++;
                updateAssignment();
                restoreConsumer.seek(changelog, start);
            }
        }
        taskProgress.remaining = toRestore;
        progress.put(state.taskId(), taskProgress);
        metrics.restoreRemaining(state.taskId(), toRestore, taskProgress.pending == 0);
        if (taskProgress.pending == 0) {
            finish(state.taskId());
            return true;
        }
        return false;
    }

    /**
     * Wipes a store whose local state went further than its changelog exists: it mirrors another changelog (one that
     * was deleted and recreated, or another cluster's), and using it would mix foreign state in.
     */
    private static void wipeIfForeign(TaskStateManager state, Map<TopicPartition, Long> ends) {
        for (TopicPartition changelog : state.changelogPartitions()) {
            long start = state.committedOffset(changelog);
            if (start > ends.getOrDefault(changelog, 0L)) {
                LOG.warn(
                        "Task {}: the local state is at offset {} of {}, which ends at {}: it belongs to another"
                                + " changelog; wiping it and restoring from the changelog",
                        state.taskId(),
                        start,
                        changelog,
                        ends.getOrDefault(changelog, 0L));
                state.wipe();
                return;
            }
        }
    }

    /** Starts keeping a standby task's store up to date, from where it is. */
    public void registerStandby(TaskStateManager state) {
        List<TopicPartition> changelogs = List.copyOf(state.changelogPartitions());
        wipeIfForeign(state, restoreConsumer.endOffsets(changelogs));
        changelogs.forEach(changelog -> standbys.put(changelog, state));
        updateAssignment();
        for (TopicPartition changelog : changelogs) {
            restoreConsumer.seek(changelog, state.committedOffset(changelog));
        }
    }

    /** Stops keeping a standby task's store up to date, before it closes or becomes active. */
    public void removeStandby(TaskId task) {
        if (standbys.values().removeIf(state -> state.taskId().equals(task))) {
            updateAssignment();
        }
    }

    /**
     * How many changelog records a standby task's store is behind, as of the restore consumer's last fetch; empty
     * before the first fetch of each of its changelogs.
     */
    public OptionalLong standbyLag(TaskId task) {
        long lag = 0;
        boolean any = false;
        for (Map.Entry<TopicPartition, TaskStateManager> standby : standbys.entrySet()) {
            if (standby.getValue().taskId().equals(task)) {
                OptionalLong changelogLag = restoreConsumer.currentLag(standby.getKey());
                if (changelogLag.isEmpty()) {
                    return OptionalLong.empty();
                }
                lag += changelogLag.getAsLong();
                any = true;
            }
        }
        return any ? OptionalLong.of(lag) : OptionalLong.empty();
    }

    private void updateAssignment() {
        Set<TopicPartition> all = new HashSet<>(active.keySet());
        all.addAll(standbys.keySet());
        restoreConsumer.assign(all);
        if (active.isEmpty()) {
            restoreConsumer.resume(standbys.keySet());
        } else {
            restoreConsumer.pause(standbys.keySet());
        }
    }

    /** Applies one batch of changelog records; returns the tasks that finished restoring. */
    public List<TaskId> restoreBatch() {
        if (active.isEmpty() && standbys.isEmpty()) {
            return List.of();
        }
        ConsumerRecords<byte[], byte[]> records =
                restoreConsumer.poll(active.isEmpty() ? Duration.ZERO : Duration.ofMillis(10));
        applyToStandbys(records);
        if (active.isEmpty()) {
            return List.of();
        }
        List<TaskId> finished = new ArrayList<>();
        for (TopicPartition changelog : Set.copyOf(active.keySet())) {
            Restoration restoration = active.get(changelog);
            List<ConsumerRecord<byte[], byte[]>> batch = records.records(changelog);
            long position = restoreConsumer.position(changelog);
            if (!batch.isEmpty()) {
                restoration.state().restore(changelog, decode(batch), position);
                progress.get(restoration.state().taskId()).records += batch.size();
                metrics.restored(restoration.state().taskId(), batch.size());
            }
            if (position >= restoration.endOffset()) {
                active.remove(changelog);
                TaskId task = restoration.state().taskId();
                if (--progress.get(task).pending == 0) {
                    finish(task);
                    finished.add(task);
                }
            }
        }
        if (!finished.isEmpty()) {
            updateAssignment();
        }
        reportRemaining();
        return finished;
    }

    /**
     * Keeps reading the standbys' changelogs for up to {@code budget}, while they return records: what a thread that
     * has no input to process spends its time on, so that a standby that fell behind under load catches up at the
     * restore consumer's speed rather than one fetch per poll loop. Nothing happens while an active task restores.
     */
    public void catchUpStandbys(Duration budget) {
        if (standbys.isEmpty() || !active.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        while (System.nanoTime() - deadline < 0) {
            ConsumerRecords<byte[], byte[]> records = restoreConsumer.poll(STANDBY_POLL);
            applyToStandbys(records);
            if (records.isEmpty()) {
                return;
            }
        }
    }

    private void applyToStandbys(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition changelog : records.partitions()) {
            TaskStateManager standby = standbys.get(changelog);
            if (standby != null) {
                standby.restore(changelog, decode(records.records(changelog)), restoreConsumer.position(changelog));
            }
        }
    }

    private static List<StateWrite> decode(List<ConsumerRecord<byte[], byte[]>> batch) {
        List<StateWrite> writes = new ArrayList<>(batch.size());
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            writes.add(ChangelogFormat.decode(record.key(), record.value()));
        }
        return writes;
    }

    private void reportRemaining() {
        Map<TaskId, Long> left = new HashMap<>();
        active.forEach((changelog, restoration) -> left.merge(
                restoration.state().taskId(),
                Math.max(0, restoration.endOffset() - restoreConsumer.position(changelog)),
                Long::sum));
        left.forEach((task, records) -> {
            progress.get(task).remaining = records;
            metrics.restoreRemaining(task, records, false);
        });
        long now = System.nanoTime();
        if (!left.isEmpty() && now - lastProgressLog >= PROGRESS_LOG_INTERVAL.toNanos()) {
            lastProgressLog = now;
            left.keySet().forEach(task -> {
                Progress taskProgress = progress.get(task).snapshot(now);
                LOG.info(
                        "Restoring task {}: {} changelog records restored, {} remaining ({} records/s)",
                        task,
                        taskProgress.restored(),
                        taskProgress.remaining(),
                        taskProgress.recordsPerSecond());
            });
        }
    }

    private void finish(TaskId task) {
        metrics.restoreRemaining(task, 0, true);
        TaskProgress taskProgress = progress.remove(task);
        LOG.info(
                "Task {} restored {} changelog records in {} ms",
                task,
                taskProgress.records,
                (System.nanoTime() - taskProgress.startNanos) / 1_000_000);
    }

    /** Stops restoring a task that was revoked or lost meanwhile. */
    public void remove(TaskId task) {
        if (progress.remove(task) != null) {
            metrics.restoreRemaining(task, 0, true);
            active.values().removeIf(r -> r.state().taskId().equals(task));
            updateAssignment();
        }
    }

    @Override
    public void close() {
        restoreConsumer.close(Duration.ofSeconds(5));
    }
}
