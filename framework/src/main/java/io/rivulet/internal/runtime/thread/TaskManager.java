package io.rivulet.internal.runtime.thread;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.internal.runtime.assignment.AssignmentSettings;
import io.rivulet.internal.runtime.assignment.LocalTaskOffsets;
import io.rivulet.internal.runtime.assignment.MemberState;
import io.rivulet.internal.runtime.changelog.ChangelogReader;
import io.rivulet.internal.runtime.metrics.RuntimeMetrics;
import io.rivulet.internal.runtime.query.QueryableTasks;
import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.internal.runtime.task.StandbyTask;
import io.rivulet.internal.runtime.task.StreamsFatalException;
import io.rivulet.internal.runtime.task.Task;
import io.rivulet.internal.runtime.task.TaskFactory;
import io.rivulet.sink.ProcessingGuarantee;
import io.rivulet.sink.RecordOutput;
import io.rivulet.sink.TransactionAbortedException;
import io.rivulet.state.StateStoreLockedException;

/**
 * The tasks of one stream thread and their lifecycle: created when their partitions are assigned, restored
 * through the changelog reader, committed together in one transaction, rewound when it aborts, and closed
 * when their partitions are revoked (cleanly, after a commit) or lost (dirty).
 *
 * <p>It also keeps the standby and warm-up replicas the group gave this thread: their stores, tailed by the
 * changelog reader. A replica closes before its task opens as active here, which then restores only what the
 * replica had not applied yet; a warm-up that caught up asks the group to rebalance, so that its task moves here.
 */
public final class TaskManager {

    private static final Logger LOG = LoggerFactory.getLogger(TaskManager.class);
    private static final Duration STORE_LOCK_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The longest a thread holds its commits back for a rebalance: a rejoin normally completes within a heartbeat or
     * two; one that does not must not stop the output for good.
     */
    private static final Duration MAX_COMMIT_HOLD = Duration.ofSeconds(10);

    /** A warm-up that caught up asks for a rebalance at most this often, lest lags near the limit cause a storm. */
    private static final Duration MIN_PROBE_SPACING = Duration.ofSeconds(5);

    private final String threadName;
    private final TaskFactory taskFactory;
    private final ChangelogReader changelogReader;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RecordOutput output;
    private final ProcessingGuarantee guarantee;
    private final RuntimeMetrics metrics;
    private final RepartitionPurger purger;
    private final QueryableTasks queryable;
    private final MemberState replicas;
    private final LocalTaskOffsets offsets;
    private final AssignmentSettings assignmentSettings;
    private final Map<TopicPartition, Task> tasks = new HashMap<>();
    private final Map<TaskId, StandbyTask> standbys = new TreeMap<>();
    private final Set<TaskId> reportedCaughtUp = new HashSet<>();
    private long assignedNanos = System.nanoTime();
    private long lastProbeNanos = System.nanoTime() - MIN_PROBE_SPACING.toNanos();
    private boolean joined;
    private boolean holdExpiredLogged;

    public TaskManager(
            String threadName,
            TaskFactory taskFactory,
            ChangelogReader changelogReader,
            KafkaConsumer<byte[], byte[]> consumer,
            RecordOutput output,
            ProcessingGuarantee guarantee,
            RuntimeMetrics metrics,
            RepartitionPurger purger,
            QueryableTasks queryable,
            MemberState replicas,
            LocalTaskOffsets offsets,
            AssignmentSettings assignmentSettings) {
        this.queryable = queryable;
        this.replicas = replicas;
        this.offsets = offsets;
        this.assignmentSettings = assignmentSettings;
        this.threadName = threadName;
        this.taskFactory = taskFactory;
        this.changelogReader = changelogReader;
        this.consumer = consumer;
        this.output = output;
        this.guarantee = guarantee;
        this.metrics = metrics;
        this.purger = purger;
    }

    public Collection<Task> tasks() {
        return tasks.values();
    }

    /** The standby and warm-up replicas this thread keeps. */
    public Collection<StandbyTask> standbys() {
        return standbys.values();
    }

    public boolean warmup(TaskId task) {
        return replicas.warmup(task);
    }

    /** How many changelog records a replica is behind; empty before its first fetch. */
    public OptionalLong replicaLag(TaskId task) {
        return changelogReader.standbyLag(task);
    }

    /** Whether the first assignment arrived: the thread is a member of the group. */
    public boolean joined() {
        return joined;
    }

    public boolean restoring() {
        return changelogReader.restoring();
    }

    /** Hands polled records to the tasks of their partitions. */
    public void addRecords(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            Task task = tasks.get(partition);
            if (task != null) {
                task.addRecords(records.records(partition));
            }
        }
    }

    /**
     * The thread has no input to process: its standbys read their changelogs for up to {@code budget}, to catch up
     * with what they fell behind under load.
     */
    public void catchUpStandbys(Duration budget) {
        changelogReader.catchUpStandbys(budget);
    }

    /** Restores a batch of changelog records; tasks that caught up start running and their input resumes. */
    public void restore() {
        List<TaskId> finished = changelogReader.restoreBatch();
        probeWarmups();
        if (finished.isEmpty()) {
            return;
        }
        List<TopicPartition> resumed = new ArrayList<>();
        for (Task task : tasks.values()) {
            if (finished.contains(task.id())) {
                task.restored();
                queryable.restored(task.id());
                resumed.add(task.input());
            }
        }
        consumer.resume(resumed);
    }

    /**
     * Asks the group to rebalance when a warm-up replica caught up (its task can move here without a restore), or
     * when warm-ups have run for the probing interval without one.
     */
    private void probeWarmups() {
        long now = System.nanoTime();
        if (now - lastProbeNanos < MIN_PROBE_SPACING.toNanos()) {
            return;
        }
        boolean warming = false;
        for (StandbyTask standby : standbys.values()) {
            if (!replicas.warmup(standby.id())) {
                continue;
            }
            warming = true;
            OptionalLong lag = changelogReader.standbyLag(standby.id());
            if (lag.isPresent()
                    && lag.getAsLong() <= assignmentSettings.acceptableRecoveryLag()
                    && reportedCaughtUp.add(standby.id())) {
                probe(
                        now,
                        "the warm-up replica of task " + standby.id() + " caught up (" + lag.getAsLong()
                                + " changelog records behind)");
                return;
            }
        }
        if (warming
                && now - assignedNanos
                        >= assignmentSettings.probingRebalanceInterval().toNanos()) {
            assignedNanos = now;
            probe(now, "warm-up replicas ran for the probing interval");
        }
    }

    private void probe(long now, String reason) {
        reportOffsets();
        lastProbeNanos = now;
        LOG.info("Stream thread {}: {}; asking the group to rebalance", threadName, reason);
        consumer.enforceRebalance(reason);
    }

    /** Tells the group's next assignment how far this thread's stores are, through {@link LocalTaskOffsets}. */
    public void reportOffsets() {
        for (Task task : tasks.values()) {
            if (task.stateManager().stateful()) {
                offsets.update(task.id(), task.stateManager().store().committedOffsets());
            }
        }
        for (StandbyTask standby : standbys.values()) {
            offsets.update(standby.id(), standby.stateManager().store().committedOffsets());
            queryable.replicaLag(standby.id(), changelogReader.standbyLag(standby.id()));
        }
    }

    /**
     * The commit of the commit interval: none while this thread rejoins the group, whose generation is moving on
     * ({@link MemberState#rebalancing()}); the commit before a revocation or at close happens regardless.
     *
     * @return false if the transaction aborted
     */
    public boolean commitIfNotRebalancing() {
        if (replicas.rebalancing()) {
            Duration held = replicas.rebalanceDuration();
            if (held.compareTo(MAX_COMMIT_HOLD) < 0) {
                return true;
            }
            if (!holdExpiredLogged) {
                holdExpiredLogged = true;
                LOG.warn(
                        "Stream thread {}: its rejoin of the group started {} ms ago and has not completed; committing"
                                + " again rather than holding the output back",
                        threadName,
                        held.toMillis());
            }
        } else {
            holdExpiredLogged = false;
        }
        return commit();
    }

    /**
     * Commits every task's output, changelog and offsets together; on abort, rewinds every task.
     *
     * @return false if the transaction aborted
     */
    public boolean commit() {
        for (Task task : tasks.values()) {
            if (task.state() == Task.State.RUNNING) {
                task.skipTo(consumer.position(task.input()));
            }
        }
        List<Task> dirty = tasks.values().stream().filter(Task::needsCommit).toList();
        if (dirty.isEmpty()) {
            return true;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Map<TopicPartition, Long> acknowledged;
        long duration;
        try {
            for (Task task : dirty) {
                Map<TopicPartition, OffsetAndMetadata> taskOffsets = task.prepareCommit();
                if (guarantee != ProcessingGuarantee.AT_MOST_ONCE) {
                    offsets.putAll(taskOffsets);
                }
            }
            long started = System.nanoTime();
            acknowledged = output.commit(offsets, consumer.groupMetadata(), consumer::commitSync);
            duration = System.nanoTime() - started;
        } catch (TransactionAbortedException e) {
            recoverFromAbort(e);
            return false;
        }
        long records = 0;
        for (Task task : dirty) {
            long covered = task.completeCommit(acknowledged);
            records += covered;
            metrics.consumed(task.id(), task.input().topic(), covered);
            metrics.late(task.takeCommittedLateRecords());
        }
        metrics.committed(threadName, duration, records, dirty.size());
        purger.committed(offsets);
        return true;
    }

    /** The open transaction aborted: every task starts again from its last committed offset. */
    public void recoverFromAbort(TransactionAbortedException e) {
        metrics.aborted(
                e.ownershipLost()
                        ? "fenced"
                        : e.getCause() == null
                                ? "error"
                                : e.getCause().getClass().getSimpleName());
        LOG.warn(
                "Stream thread {}: the transaction was aborted ({}); resuming from the last committed offsets",
                threadName,
                e.getMessage());
        rewindAll();
        if (e.ownershipLost()) {
            consumer.enforceRebalance("transaction fenced or group generation lost");
        }
    }

    private void rewindAll() {
        for (Task task : tasks.values()) {
            consumer.seek(task.input(), task.rewind());
        }
    }

    /** Closes every task; a clean close commits first. */
    public void closeAll(boolean clean) {
        boolean committed = false;
        if (clean) {
            try {
                committed = commit();
            } catch (RuntimeException e) {
                LOG.warn("Final commit of stream thread {} failed; closing dirty", threadName, e);
            }
        }
        for (Task task : tasks.values()) {
            closeTask(task, committed);
        }
        tasks.clear();
        standbys.values().forEach(this::closeStandby);
        standbys.clear();
    }

    private void close(Collection<TopicPartition> partitions, boolean clean) {
        for (TopicPartition partition : partitions) {
            Task task = tasks.remove(partition);
            if (task != null) {
                closeTask(task, clean);
            }
        }
    }

    private void closeTask(Task task, boolean clean) {
        queryable.removed(task.id());
        changelogReader.remove(task.id());
        if (task.stateManager().stateful()) {
            offsets.update(task.id(), task.stateManager().store().committedOffsets());
        }
        task.close(clean);
    }

    private void closeStandby(StandbyTask standby) {
        queryable.replicaClosed(standby.id());
        changelogReader.removeStandby(standby.id());
        offsets.update(standby.id(), standby.stateManager().store().committedOffsets());
        standby.close();
        LOG.info("Stream thread {} closed its replica of task {}", threadName, standby.id());
    }

    /**
     * Closes the replicas the new assignment no longer gives this thread, and those whose task it now runs: before
     * any task opens, so that two threads of this instance handing stores to each other never wait on each other.
     */
    private void closeReplicasNotKept(Collection<TopicPartition> assigned) {
        Set<TaskId> kept = replicas.replicas();
        for (StandbyTask standby : List.copyOf(standbys.values())) {
            if (!kept.contains(standby.id()) || assigned.contains(standby.input())) {
                standbys.remove(standby.id());
                closeStandby(standby);
            }
        }
    }

    private void openReplicas() {
        Set<TaskId> running = new HashSet<>();
        tasks.values().forEach(task -> running.add(task.id()));
        for (TaskId id : replicas.replicas()) {
            if (standbys.containsKey(id) || running.contains(id)) {
                continue;
            }
            StandbyTask standby = withStoreLock(() -> taskFactory.createStandby(id));
            changelogReader.registerStandby(standby.stateManager());
            queryable.replicaOpened(id, standby.stateManager().store());
            standbys.put(id, standby);
            LOG.info(
                    "Stream thread {} keeps a {} replica of task {}",
                    threadName,
                    replicas.warmup(id) ? "warm-up" : "standby",
                    id);
        }
        replicas.held(standbys.keySet());
    }

    private Task create(TopicPartition partition) {
        return withStoreLock(() -> taskFactory.create(partition, output));
    }

    private <T> T withStoreLock(Supplier<T> open) {
        long deadline = System.nanoTime() + STORE_LOCK_TIMEOUT.toNanos();
        while (true) {
            try {
                return open.get();
            } catch (StateStoreLockedException e) {
                // The previous owner in this JVM (another thread) may still be closing the store.
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void assign(Collection<TopicPartition> partitions) {
        List<TopicPartition> restoring = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> committed =
                partitions.isEmpty() ? Map.of() : consumer.committed(new HashSet<>(partitions));
        for (TopicPartition partition : partitions) {
            Task task = create(partition);
            OffsetAndMetadata offset = committed.get(partition);
            try {
                task.initialize(consumer.position(partition), offset == null ? null : offset.metadata());
            } catch (Exception e) {
                task.close(false);
                throw new StreamsFatalException("opening the operators of task " + task.id() + " failed: " + e, e);
            }
            tasks.put(partition, task);
            if (task.stateManager().stateful()) {
                queryable.assigned(task.id(), task.stateManager().store());
            }
            if (task.stateManager().stateful() && !changelogReader.register(task.stateManager())) {
                restoring.add(partition);
            } else {
                task.restored();
                queryable.restored(task.id());
            }
            LOG.info("Stream thread {} assigned task {} ({})", threadName, task.id(), partition);
        }
        consumer.pause(restoring);
        joined = true;
    }

    /** What the consumer calls on rebalance, on the stream thread, inside {@code poll}. */
    public ConsumerRebalanceListener rebalanceListener() {
        return new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (partitions.isEmpty()) {
                    return;
                }
                // Exactly-once v2 commits every task before any partition moves, so the new owner starts from here.
                commit();
                close(partitions, true);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                replicas.rebalanceEnded();
                output.abort();
                rewindAll();
                close(partitions, false);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                replicas.rebalanceEnded();
                closeReplicasNotKept(partitions);
                assign(partitions);
                openReplicas();
                reportedCaughtUp.clear();
                assignedNanos = System.nanoTime();
            }
        };
    }
}
