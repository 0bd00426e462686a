package io.rivulet.internal.runtime.thread;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.internal.runtime.changelog.ChangelogReader;
import io.rivulet.internal.runtime.metrics.RuntimeMetrics;
import io.rivulet.internal.runtime.query.QueryableTasks;
import io.rivulet.internal.runtime.state.TaskId;
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
 */
public final class TaskManager {

    private static final Logger LOG = LoggerFactory.getLogger(TaskManager.class);
    private static final Duration STORE_LOCK_TIMEOUT = Duration.ofSeconds(30);

    private final String threadName;
    private final TaskFactory taskFactory;
    private final ChangelogReader changelogReader;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RecordOutput output;
    private final ProcessingGuarantee guarantee;
    private final RuntimeMetrics metrics;
    private final RepartitionPurger purger;
    private final QueryableTasks queryable;
    private final Map<TopicPartition, Task> tasks = new HashMap<>();
    private boolean joined;

    public TaskManager(
            String threadName,
            TaskFactory taskFactory,
            ChangelogReader changelogReader,
            KafkaConsumer<byte[], byte[]> consumer,
            RecordOutput output,
            ProcessingGuarantee guarantee,
            RuntimeMetrics metrics,
            RepartitionPurger purger,
            QueryableTasks queryable) {
        this.queryable = queryable;
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

    /** Restores a batch of changelog records; tasks that caught up start running and their input resumes. */
    public void restore() {
        List<TaskId> finished = changelogReader.restoreBatch();
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
     * Commits every task's output, changelog and offsets together; on abort, rewinds every task.
     *
     * @return false if the transaction aborted
     */
    public boolean commit() {
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
        if (clean) {
            try {
                clean = commit();
            } catch (RuntimeException e) {
                LOG.warn("Final commit of stream thread {} failed; closing dirty", threadName, e);
                clean = false;
            }
        }
        for (Task task : tasks.values()) {
            queryable.removed(task.id());
            changelogReader.remove(task.id());
            task.close(clean);
        }
        tasks.clear();
    }

    private void close(Collection<TopicPartition> partitions, boolean clean) {
        for (TopicPartition partition : partitions) {
            Task task = tasks.remove(partition);
            if (task != null) {
                queryable.removed(task.id());
                changelogReader.remove(task.id());
                task.close(clean);
            }
        }
    }

    private Task create(TopicPartition partition) {
        long deadline = System.nanoTime() + STORE_LOCK_TIMEOUT.toNanos();
        while (true) {
            try {
                return taskFactory.create(partition, output);
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
                output.abort();
                rewindAll();
                close(partitions, false);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                assign(partitions);
            }
        };
    }
}
