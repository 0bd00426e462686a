package io.rivulet.internal.runtime.thread;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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

/**
 * A stream thread: the poll–process–commit loop of one consumer in the application's group. It polls, hands
 * the records to its task manager's tasks, processes them task by task, commits every commit interval and
 * emits watermarks every auto-watermark interval. What other threads may read of it (health) is published as
 * an immutable {@link Snapshot}.
 */
public final class StreamThread implements Runnable {

    public enum State {
        CREATED,
        STARTING,
        RUNNING,
        PENDING_SHUTDOWN,
        DEAD
    }

    /**
     * What a stream thread looks like from outside, as of its last loop iteration.
     *
     * @param joined whether the thread's first assignment arrived: before it, the thread has no tasks yet
     * @param watermarks each task's event-time watermark as of the last periodic emission, by task id
     * @param tasks each task's figures as of the last periodic emission
     */
    public record Snapshot(
            State state,
            int taskCount,
            boolean restoring,
            boolean joined,
            Map<String, Long> watermarks,
            List<TaskStatus> tasks) {

        /** Running, in the group, and every task restored. */
        public boolean caughtUp() {
            return state == State.RUNNING && joined && !restoring;
        }
    }

    /** How the loop runs: the guarantee, how often it commits and how often watermarks are emitted. */
    public record Settings(ProcessingGuarantee guarantee, Duration commitInterval, Duration autoWatermarkInterval) {}

    private static final Logger LOG = LoggerFactory.getLogger(StreamThread.class);
    private static final int RECORDS_PER_TASK_PER_ROUND = 1_000;
    /** As long as a poll waits for input: a thread without input spends that on its standbys' changelogs. */
    private static final Duration IDLE_STANDBY_BUDGET = Duration.ofMillis(100);

    private final String name;
    private final Settings config;
    private final Set<String> topics;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final RecordOutput output;
    private final ChangelogReader changelogReader;
    private final TaskManager taskManager;
    private final SavepointParticipant savepoints;
    private final RuntimeMetrics metrics;
    private long busyNanos;
    private long busySince = System.nanoTime();
    private volatile boolean running = true;
    private volatile Throwable failure;
    private volatile Snapshot snapshot = new Snapshot(State.CREATED, 0, false, false, Map.of(), List.of());
    private State state = State.CREATED;
    private Map<String, Long> watermarks = Map.of();
    private List<TaskStatus> taskStatuses = List.of();
    private final RecordRates rates = new RecordRates();
    private long lastCommitNanos = System.nanoTime();
    private long lastWatermarkNanos = System.nanoTime();

    public StreamThread(
            String name,
            Settings config,
            Set<String> topics,
            KafkaConsumer<byte[], byte[]> consumer,
            RecordOutput output,
            ChangelogReader changelogReader,
            TaskFactory taskFactory,
            RuntimeMetrics metrics,
            RepartitionPurger purger,
            SavepointParticipant savepoints,
            QueryableTasks queryable,
            MemberState replicas,
            LocalTaskOffsets offsets,
            AssignmentSettings assignmentSettings) {
        this.name = name;
        this.savepoints = savepoints;
        this.config = config;
        this.topics = topics;
        this.consumer = consumer;
        this.output = output;
        this.changelogReader = changelogReader;
        this.metrics = metrics;
        this.taskManager = new TaskManager(
                name,
                taskFactory,
                changelogReader,
                consumer,
                output,
                config.guarantee(),
                metrics,
                purger,
                queryable,
                replicas,
                offsets,
                assignmentSettings);
    }

    public String name() {
        return name;
    }

    public Throwable failure() {
        return failure;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** Asks the thread to commit, close its tasks cleanly and leave the group. */
    public void shutdown() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        moveTo(State.STARTING);
        boolean clean = false;
        try {
            consumer.subscribe(topics, taskManager.rebalanceListener());
            moveTo(State.RUNNING);
            while (running) {
                runOnce();
                publish();
            }
            clean = true;
        } catch (WakeupException e) {
            clean = !running;
        } catch (Throwable t) {
            failure = cause(t);
            LOG.error("Stream thread {} failed; its tasks close without committing", name, t);
        } finally {
            moveTo(State.PENDING_SHUTDOWN);
            taskManager.closeAll(clean);
            watermarks = Map.of();
            taskStatuses = List.of();
            metrics.watermarks(name, Map.of());
            metrics.lags(name, Map.of());
            metrics.stateSizes(name, Map.of());
            closeQuietly(output::close, "producer");
            closeQuietly(() -> consumer.close(Duration.ofSeconds(10)), "consumer");
            closeQuietly(changelogReader::close, "restore consumer");
            moveTo(State.DEAD);
        }
    }

    /**
     * What failed: the consumer wraps what a rebalance callback throws (a task that cannot open) in "User rebalance
     * callback throws an error", which says nothing a user can act on.
     */
    private static Throwable cause(Throwable t) {
        return t instanceof KafkaException && t.getCause() instanceof StreamsFatalException fatal ? fatal : t;
    }

    private void moveTo(State next) {
        state = next;
        publish();
    }

    private void publish() {
        snapshot = new Snapshot(
                state,
                taskManager.tasks().size(),
                taskManager.restoring(),
                taskManager.joined(),
                watermarks,
                taskStatuses);
    }

    private void runOnce() {
        boolean processing = savepoints.beforePoll(consumer, taskManager);
        ConsumerRecords<byte[], byte[]> records =
                consumer.poll(taskManager.restoring() ? Duration.ZERO : Duration.ofMillis(100));
        if (config.guarantee() == ProcessingGuarantee.AT_MOST_ONCE && !records.isEmpty()) {
            commitPolledPositions(records);
        }
        taskManager.addRecords(records);
        taskManager.restore();
        if (records.isEmpty()) {
            taskManager.catchUpStandbys(IDLE_STANDBY_BUDGET);
        }
        if (!processing) {
            // A savepoint is being written, or the job stopped at one: nothing moves, nothing is committed.
            return;
        }
        long started = System.nanoTime();
        try {
            processRound();
        } catch (TransactionAbortedException e) {
            taskManager.recoverFromAbort(e);
            return;
        } finally {
            busyNanos += System.nanoTime() - started;
        }
        commitIfDue();
        if (System.nanoTime() - lastWatermarkNanos
                >= config.autoWatermarkInterval().toNanos()) {
            try {
                emitPeriodicWatermarks();
            } catch (TransactionAbortedException e) {
                taskManager.recoverFromAbort(e);
            }
        }
    }

    private void emitPeriodicWatermarks() {
        lastWatermarkNanos = System.nanoTime();
        Map<String, Long> current = new TreeMap<>();
        for (Task task : taskManager.tasks()) {
            if (task.state() == Task.State.RUNNING) {
                task.emitPeriodicWatermark();
            }
            current.put(task.id().toString(), task.watermark());
        }
        watermarks = current;
        publishMetrics(current);
    }

    /** Every auto-watermark interval: this thread's watermarks, consumer lag, state sizes and busy ratio. */
    private void publishMetrics(Map<String, Long> current) {
        metrics.watermarks(name, current);
        Map<TopicPartition, Long> lags = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(lag -> lags.put(partition, lag));
        }
        metrics.lags(name, lags);
        Map<String, Long> sizes = new HashMap<>();
        for (Task task : taskManager.tasks()) {
            if (task.stateManager().stateful()) {
                sizes.put(task.id().toString(), task.stateManager().estimatedSizeBytes());
            }
        }
        metrics.stateSizes(name, sizes);
        taskManager.reportOffsets();
        long now = System.nanoTime();
        if (now > busySince) {
            metrics.busy(name, Math.min(1.0, (double) busyNanos / (now - busySince)));
        }
        busyNanos = 0;
        busySince = now;
        taskStatuses = taskStatuses(lags, sizes, now);
    }

    private List<TaskStatus> taskStatuses(Map<TopicPartition, Long> lags, Map<String, Long> sizes, long now) {
        List<TaskStatus> statuses = new ArrayList<>();
        Set<TaskId> ids = new HashSet<>();
        for (Task task : taskManager.tasks()) {
            ids.add(task.id());
            String id = task.id().toString();
            long watermark = task.watermark();
            Long lag = lags.get(task.input());
            Long size = sizes.get(id);
            statuses.add(new TaskStatus(
                    id,
                    name,
                    task.state().name(),
                    task.input().toString(),
                    task.stateManager().changelogPartitions().stream()
                            .map(TopicPartition::toString)
                            .sorted()
                            .toList(),
                    watermark == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(watermark),
                    lag == null ? OptionalLong.empty() : OptionalLong.of(lag),
                    changelogReader.progress(task.id()),
                    task.committedRecords(),
                    rates.rate(task.id(), task.committedRecords(), now),
                    size == null ? OptionalLong.empty() : OptionalLong.of(size)));
        }
        for (StandbyTask standby : taskManager.standbys()) {
            statuses.add(new TaskStatus(
                    standby.id().toString(),
                    name,
                    taskManager.warmup(standby.id()) ? "WARMUP" : "STANDBY",
                    standby.input().toString(),
                    standby.stateManager().changelogPartitions().stream()
                            .map(TopicPartition::toString)
                            .sorted()
                            .toList(),
                    OptionalLong.empty(),
                    taskManager.replicaLag(standby.id()),
                    Optional.empty(),
                    0,
                    0,
                    OptionalLong.of(standby.stateManager().estimatedSizeBytes())));
        }
        rates.retain(ids);
        statuses.sort(Comparator.comparing(TaskStatus::id));
        return List.copyOf(statuses);
    }

    private void processRound() {
        boolean more = true;
        while (more && running) {
            more = false;
            for (Task task : taskManager.tasks()) {
                if (task.state() != Task.State.RUNNING) {
                    continue;
                }
                for (int i = 0; i < RECORDS_PER_TASK_PER_ROUND && task.processNext(); i++) {
                    // processNext does the work
                }
                task.fireTimers();
                more |= task.hasQueuedRecords();
            }
            commitIfDue();
        }
    }

    private void commitIfDue() {
        if (System.nanoTime() - lastCommitNanos >= config.commitInterval().toNanos()) {
            taskManager.commitIfNotRebalancing();
            // The interval runs from the end of a commit, as in Kafka Streams: a slow commit must not eat the
            // processing time of the next interval and make commits more frequent than configured.
            lastCommitNanos = System.nanoTime();
        }
    }

    /** At-most-once: offsets pass the polled records before they are processed. */
    private void commitPolledPositions(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            var batch = records.records(partition);
            offsets.put(
                    partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
        }
        consumer.commitSync(offsets);
    }

    private void closeQuietly(Runnable closer, String what) {
        try {
            closer.run();
        } catch (RuntimeException e) {
            LOG.warn("Closing the {} of stream thread {} failed", what, name, e);
        }
    }
}
