package io.rivulet.internal.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.state.StateWrite;

/**
 * Brings the stores of newly assigned tasks up to date from their changelogs, a batch per poll loop
 * iteration so that the thread keeps its group membership while it restores. A store that holds committed
 * offsets is replayed from there: after a clean shutdown nothing, after a crash only the tail.
 */
final class ChangelogReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangelogReader.class);

    private final KafkaConsumer<byte[], byte[]> restoreConsumer;
    private final RuntimeMetrics metrics;
    private final Map<TopicPartition, Restoration> active = new HashMap<>();
    private final Map<Task, TaskProgress> progress = new HashMap<>();

    ChangelogReader(KafkaConsumer<byte[], byte[]> restoreConsumer, RuntimeMetrics metrics) {
        this.restoreConsumer = restoreConsumer;
        this.metrics = metrics;
    }

    private record Restoration(Task task, long endOffset) {
    }

    private static final class TaskProgress {
        private final long startNanos = System.nanoTime();
        private long records;
        private int pending;
    }

    boolean restoring() {
        return !progress.isEmpty();
    }

    /** Starts restoring a task; returns true if it has nothing to restore and is running already. */
    boolean register(Task task) {
        TaskProgress taskProgress = new TaskProgress();
        Map<String, Long> stored = task.store().committedOffsets();
        List<TopicPartition> changelogs = new ArrayList<>();
        task.changelogPartitions().forEach(changelogs::add);
        Map<TopicPartition, Long> ends = restoreConsumer.endOffsets(changelogs);
        for (TopicPartition changelog : changelogs) {
            long start = stored.getOrDefault(changelog.toString(), 0L);
            if (start > ends.getOrDefault(changelog, 0L)) {
                // The local state went further than the changelog exists: it mirrors another changelog (one that
                // was deleted and recreated, or another cluster's). Using it would mix foreign state in.
                LOG.warn("Task {}: the local state is at offset {} of {}, which ends at {}: it belongs to another"
                        + " changelog; wiping it and restoring from the changelog", task.id(), start, changelog,
                        ends.getOrDefault(changelog, 0L));
                task.store().wipe();
                stored = Map.of();
                break;
            }
        }
        for (TopicPartition changelog : changelogs) {
            long start = stored.getOrDefault(changelog.toString(), 0L);
            long end = ends.getOrDefault(changelog, 0L);
            if (start < end) {
                active.put(changelog, new Restoration(task, end));
                taskProgress.pending++;
                restoreConsumer.assign(active.keySet());
                restoreConsumer.seek(changelog, start);
            }
        }
        progress.put(task, taskProgress);
        if (taskProgress.pending == 0) {
            finish(task);
            return true;
        }
        return false;
    }

    /** Applies one batch of changelog records; returns the tasks that finished restoring. */
    List<Task> restoreBatch() {
        if (active.isEmpty()) {
            return List.of();
        }
        ConsumerRecords<byte[], byte[]> records = restoreConsumer.poll(Duration.ofMillis(10));
        List<Task> finished = new ArrayList<>();
        for (TopicPartition changelog : Set.copyOf(active.keySet())) {
            Restoration restoration = active.get(changelog);
            List<ConsumerRecord<byte[], byte[]>> batch = records.records(changelog);
            long position = restoreConsumer.position(changelog);
            if (!batch.isEmpty()) {
                List<StateWrite> writes = new ArrayList<>(batch.size());
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    writes.add(ChangelogFormat.decode(record.key(), record.value()));
                }
                restoration.task().store().restore(changelog.toString(), writes, position);
                progress.get(restoration.task()).records += batch.size();
                metrics.recordsRestored(batch.size());
            }
            if (position >= restoration.endOffset()) {
                active.remove(changelog);
                TaskProgress taskProgress = progress.get(restoration.task());
                if (--taskProgress.pending == 0) {
                    finish(restoration.task());
                    finished.add(restoration.task());
                }
            }
        }
        restoreConsumer.assign(active.keySet());
        return finished;
    }

    private void finish(Task task) {
        TaskProgress taskProgress = progress.remove(task);
        task.restored();
        LOG.info("Task {} restored {} changelog records in {} ms", task.id(), taskProgress.records,
                (System.nanoTime() - taskProgress.startNanos) / 1_000_000);
    }

    /** Stops restoring a task that was revoked or lost meanwhile. */
    void remove(Task task) {
        if (progress.remove(task) != null) {
            active.values().removeIf(r -> r.task() == task);
            restoreConsumer.assign(active.keySet());
        }
    }

    @Override
    public void close() {
        restoreConsumer.close(Duration.ofSeconds(5));
    }
}
