package io.rivulet.internal.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.sink.ProcessingGuarantee;
import io.rivulet.sink.RecordOutput;
import io.rivulet.sink.TransactionAbortedException;
import io.rivulet.state.StateStoreLockedException;

/**
 * A stream thread: one consumer in the application's group, one producer, and the tasks of the partitions
 * assigned to it. It polls, processes each task's records in offset order, and commits every commit
 * interval and before partitions are revoked.
 */
final class StreamThread implements Runnable {

    enum State { CREATED, STARTING, RUNNING, PENDING_SHUTDOWN, DEAD }

    private static final Logger LOG = LoggerFactory.getLogger(StreamThread.class);
    private static final int RECORDS_PER_TASK_PER_ROUND = 1_000;
    private static final Duration STORE_LOCK_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final RuntimeConfig config;
    private final Set<String> topics;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RecordOutput output;
    private final ChangelogReader changelogReader;
    private final TaskFactory taskFactory;
    private final RuntimeMetrics metrics;
    private final RepartitionPurger purger;
    private final Map<TopicPartition, Task> tasks = new HashMap<>();
    private volatile State state = State.CREATED;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private long lastCommitNanos = System.nanoTime();
    private long lastWatermarkNanos = System.nanoTime();
    private volatile Map<String, Long> watermarks = Map.of();

    StreamThread(String name, RuntimeConfig config, Set<String> topics, KafkaConsumer<byte[], byte[]> consumer,
            RecordOutput output, ChangelogReader changelogReader, TaskFactory taskFactory, RuntimeMetrics metrics,
            RepartitionPurger purger) {
        this.name = name;
        this.config = config;
        this.topics = topics;
        this.consumer = consumer;
        this.output = output;
        this.changelogReader = changelogReader;
        this.taskFactory = taskFactory;
        this.metrics = metrics;
        this.purger = purger;
    }

    String name() {
        return name;
    }

    State state() {
        return state;
    }

    Throwable failure() {
        return failure;
    }

    /** Whether every task of this thread is restored and running (and the thread itself runs). */
    boolean caughtUp() {
        return state == State.RUNNING && !changelogReader.restoring();
    }

    int taskCount() {
        return tasks.size();
    }

    /** Asks the thread to commit, close its tasks cleanly and leave the group. */
    void shutdown() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        state = State.STARTING;
        boolean clean = false;
        try {
            consumer.subscribe(topics, new RebalanceListener());
            state = State.RUNNING;
            while (running) {
                runOnce();
            }
            clean = true;
        } catch (WakeupException e) {
            clean = !running;
        } catch (Throwable t) {
            failure = t;
            LOG.error("Stream thread {} failed; its tasks close without committing", name, t);
        } finally {
            state = State.PENDING_SHUTDOWN;
            closeAll(clean);
            state = State.DEAD;
        }
    }

    private void runOnce() {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(changelogReader.restoring() ? Duration.ZERO : Duration.ofMillis(100));
        if (config.guarantee() == ProcessingGuarantee.AT_MOST_ONCE && !records.isEmpty()) {
            commitPolledPositions(records);
        }
        for (TopicPartition partition : records.partitions()) {
            Task task = tasks.get(partition);
            if (task != null) {
                task.addRecords(records.records(partition));
            }
        }
        for (Task restored : changelogReader.restoreBatch()) {
            consumer.resume(List.of(restored.input()));
        }
        try {
            processRound();
        } catch (TransactionAbortedException e) {
            recoverFromAbort(e);
            return;
        }
        if (System.nanoTime() - lastCommitNanos >= config.commitInterval().toNanos()) {
            commit();
        }
        if (System.nanoTime() - lastWatermarkNanos >= config.autoWatermarkInterval().toNanos()) {
            try {
                emitPeriodicWatermarks();
            } catch (TransactionAbortedException e) {
                recoverFromAbort(e);
            }
        }
    }

    private void emitPeriodicWatermarks() {
        lastWatermarkNanos = System.nanoTime();
        Map<String, Long> current = new java.util.TreeMap<>();
        for (Task task : tasks.values()) {
            if (task.state() == Task.State.RUNNING) {
                task.emitPeriodicWatermark(output);
            }
            current.put(task.id().toString(), task.watermark());
        }
        watermarks = current;
    }

    /** Each task's watermark as of the last periodic emission. */
    Map<String, Long> watermarks() {
        return watermarks;
    }

    private void processRound() {
        boolean more = true;
        while (more && running) {
            more = false;
            for (Task task : tasks.values()) {
                if (task.state() != Task.State.RUNNING) {
                    continue;
                }
                for (int i = 0; i < RECORDS_PER_TASK_PER_ROUND && task.processNext(output); i++) {
                    // processNext does the work
                }
                task.fireTimers(output);
                more |= task.hasQueuedRecords();
            }
            if (System.nanoTime() - lastCommitNanos >= config.commitInterval().toNanos()) {
                commit();
            }
        }
    }

    /** At-most-once: offsets pass the polled records before they are processed. */
    private void commitPolledPositions(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            var batch = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
        }
        consumer.commitSync(offsets);
    }

    /** Commits every task's output, changelog and offsets together; on abort, rewinds every task. */
    private void commit() {
        List<Task> dirty = tasks.values().stream().filter(Task::needsCommit).toList();
        if (dirty.isEmpty()) {
            lastCommitNanos = System.nanoTime();
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        try {
            for (Task task : dirty) {
                task.sendChangelog(output);
                if (config.guarantee() != ProcessingGuarantee.AT_MOST_ONCE) {
                    offsets.putAll(task.offsetsToCommit());
                }
            }
            output.commit(offsets, consumer.groupMetadata(), consumer::commitSync);
        } catch (TransactionAbortedException e) {
            lastCommitNanos = System.nanoTime();
            recoverFromAbort(e);
            return;
        }
        for (Task task : dirty) {
            task.completeCommit();
        }
        metrics.committed();
        purger.committed(offsets);
        // The interval runs from the end of a commit, as in Kafka Streams: a slow commit must not eat the
        // processing time of the next interval and make commits more frequent than configured.
        lastCommitNanos = System.nanoTime();
    }

    private void recoverFromAbort(TransactionAbortedException e) {
        metrics.aborted();
        LOG.warn("Stream thread {}: the transaction was aborted ({}); resuming from the last committed offsets",
                name, e.getMessage());
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

    private Task createTask(TopicPartition partition) {
        long deadline = System.nanoTime() + STORE_LOCK_TIMEOUT.toNanos();
        while (true) {
            try {
                return taskFactory.create(partition);
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

    private void closeAll(boolean clean) {
        if (clean) {
            try {
                commit();
            } catch (RuntimeException e) {
                LOG.warn("Final commit of stream thread {} failed; closing dirty", name, e);
                clean = false;
            }
        }
        for (Task task : tasks.values()) {
            changelogReader.remove(task);
            task.close(clean);
        }
        tasks.clear();
        closeQuietly(output::close, "producer");
        closeQuietly(() -> consumer.close(Duration.ofSeconds(10)), "consumer");
        closeQuietly(changelogReader::close, "restore consumer");
    }

    private void closeQuietly(Runnable closer, String what) {
        try {
            closer.run();
        } catch (RuntimeException e) {
            LOG.warn("Closing the {} of stream thread {} failed", what, name, e);
        }
    }

    private final class RebalanceListener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            // Exactly-once v2 commits every task before any partition moves, so the new owner starts from here.
            commit();
            for (TopicPartition partition : partitions) {
                Task task = tasks.remove(partition);
                if (task != null) {
                    changelogReader.remove(task);
                    task.close(true);
                }
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            output.abort();
            rewindAll();
            for (TopicPartition partition : partitions) {
                Task task = tasks.remove(partition);
                if (task != null) {
                    changelogReader.remove(task);
                    task.close(false);
                }
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            List<TopicPartition> restoring = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> committed = partitions.isEmpty() ? Map.of()
                    : consumer.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                Task task = createTask(partition);
                OffsetAndMetadata offset = committed.get(partition);
                try {
                    task.initialize(consumer.position(partition), offset == null ? null : offset.metadata());
                } catch (Exception e) {
                    task.close(false);
                    throw new StreamsFatalException("opening the operators of task " + task.id() + " failed: " + e, e);
                }
                tasks.put(partition, task);
                if (task.store() != null && !changelogReader.register(task)) {
                    restoring.add(partition);
                }
                LOG.info("Stream thread {} assigned task {} ({})", name, task.id(), partition);
            }
            consumer.pause(restoring);
        }
    }
}
