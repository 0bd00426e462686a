package io.rivulet.internal.runtime.metrics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.TopicPartition;

import io.rivulet.internal.runtime.state.TaskId;

/**
 * The runtime's meters, in Micrometer (rendered by Prometheus as {@code rivulet_*}), and the counters the health
 * endpoints read. Record counts advance only with a commit, so they count what the committed output reflects:
 * records an aborted transaction processed are counted when the retry commits, once. Gauges of many partitions or
 * tasks are {@link MultiGauge}s whose rows each stream thread replaces for its own partitions and tasks.
 */
public final class RuntimeMetrics {

    private static final int RECENT_COMMITS = 20;

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicLong recordsRestored = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong abortedTransactions = new AtomicLong();
    private final Timer commitDuration;
    private final Counter commitCount;
    private final Timer endToEndLatency;
    private final MultiGauge lag;
    private final MultiGauge watermark;
    private final MultiGauge watermarkLag;
    private final MultiGauge restoreRemaining;
    private final MultiGauge busyRatio;
    private final MultiGauge stateSize;
    private final Map<String, Map<String, Long>> sizesByThread = new ConcurrentHashMap<>();
    private final Map<String, Map<TopicPartition, Long>> lagByThread = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> watermarksByThread = new ConcurrentHashMap<>();
    private final Map<TaskId, Long> remaining = new ConcurrentHashMap<>();
    private final Map<String, Double> busyByThread = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lateByOperator = new ConcurrentHashMap<>();
    private final CommitHistory history = new CommitHistory(RECENT_COMMITS);

    /** Meters in a registry of their own: for tests and tools that read the counters only. */
    public RuntimeMetrics() {
        this(new SimpleMeterRegistry(), Clock.systemUTC());
    }

    public RuntimeMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.commitDuration = Timer.builder("rivulet.commit.duration")
                .description("How long committing a transaction (output, changelog, offsets) took")
                .publishPercentileHistogram()
                .register(registry);
        this.commitCount = Counter.builder("rivulet.commits")
                .description("Transactions (or offset commits) completed")
                .register(registry);
        this.endToEndLatency = Timer.builder("rivulet.end.to.end.latency")
                .description("For records written to sinks: the commit's time minus the record's timestamp")
                .publishPercentileHistogram()
                .register(registry);
        this.lag = MultiGauge.builder("rivulet.consumer.lag.records")
                .description("Records in a partition not yet consumed by this instance")
                .register(registry);
        this.watermark = MultiGauge.builder("rivulet.watermark.milliseconds")
                .description("A task's event-time watermark, epoch milliseconds; absent until it has one")
                .register(registry);
        this.watermarkLag = MultiGauge.builder("rivulet.watermark.lag.milliseconds")
                .description("The wall clock minus a task's watermark")
                .register(registry);
        this.restoreRemaining = MultiGauge.builder("rivulet.restore.remaining.records")
                .description("Changelog records a restoring task has still to apply")
                .register(registry);
        this.stateSize = MultiGauge.builder("rivulet.state.size.bytes")
                .description("A task's local state, as RocksDB estimates its live data and memtables")
                .register(registry);
        this.busyRatio = MultiGauge.builder("rivulet.busy.ratio")
                .description("Share of a stream thread's wall time spent processing, rather than waiting for input")
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A task's commit covered {@code records} records of {@code topic}. */
    public void consumed(TaskId task, String topic, long records) {
        if (records > 0) {
            Counter.builder("rivulet.records.consumed")
                    .description("Input and internal-topic records consumed, counted when their transaction commits")
                    .tags("task", task.toString(), "topic", topic)
                    .register(registry)
                    .increment(records);
        }
    }

    /** A commit made these records (by topic) durable. */
    public void produced(Map<String, Long> recordsByTopic) {
        recordsByTopic.forEach((topic, records) -> Counter.builder("rivulet.records.produced")
                .description("Records written to output and internal topics, counted when their transaction commits")
                .tags("topic", topic)
                .register(registry)
                .increment(records));
    }

    /** Late elements (to a late side output or dropped with the warning), by operator uid, of committed records. */
    public void late(Map<String, Long> byOperator) {
        byOperator.forEach((uid, records) -> {
            lateByOperator.computeIfAbsent(uid, u -> new AtomicLong()).addAndGet(records);
            Counter.builder("rivulet.late.records")
                    .description("Late elements an operator sent to its late side output or dropped")
                    .tags("operator", uid)
                    .register(registry)
                    .increment(records);
        });
    }

    /** Records written to the dead-letter topic, by stage ({@code deserialization}, {@code processing}). */
    public void deadLetters(Map<String, Long> byCause) {
        byCause.forEach((cause, records) -> Counter.builder("rivulet.dead.letter.records")
                .description("Records written to the dead-letter topic, by what failed")
                .tags("cause", cause)
                .register(registry)
                .increment(records));
    }

    /** A commit at {@code committedAt} made the first {@code count} of these sink records' timestamps visible. */
    public void endToEndLatencies(long committedAt, long[] timestamps, int count) {
        for (int i = 0; i < count; i++) {
            endToEndLatency.record(Math.max(0, committedAt - timestamps[i]), TimeUnit.MILLISECONDS);
        }
    }

    /** A stream thread's commit took {@code nanos} and covered {@code records} input records of {@code tasks}. */
    public void committed(String thread, long nanos, long records, int tasks) {
        commits.incrementAndGet();
        commitCount.increment();
        commitDuration.record(nanos, TimeUnit.NANOSECONDS);
        history.add(new CommitHistory.Commit(thread, clock.millis(), nanos, records, tasks));
    }

    /** The last commits of this instance, newest first. */
    public List<CommitHistory.Commit> recentCommits() {
        return history.recent();
    }

    /** Late elements of committed records since start, by operator uid. */
    public Map<String, Long> lateRecords() {
        Map<String, Long> byOperator = new TreeMap<>();
        lateByOperator.forEach((uid, records) -> byOperator.put(uid, records.get()));
        return byOperator;
    }

    /** @param cause what aborted it: {@code fenced} (another producer or generation took over) or the error's type */
    public void aborted(String cause) {
        abortedTransactions.incrementAndGet();
        Counter.builder("rivulet.transactions.aborted")
                .description("Transactions aborted; their records are processed again from the last commit")
                .tags("cause", cause)
                .register(registry)
                .increment();
    }

    public void restored(TaskId task, long records) {
        recordsRestored.addAndGet(records);
        Counter.builder("rivulet.restored.records")
                .description("Changelog records applied to a task's local store")
                .tags("task", task.toString())
                .register(registry)
                .increment(records);
    }

    /** How many changelog records a task has still to restore; a finished task is no longer shown. */
    public synchronized void restoreRemaining(TaskId task, long records, boolean finished) {
        if (finished) {
            remaining.remove(task);
        } else {
            remaining.put(task, records);
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        remaining.forEach((id, left) -> rows.add(MultiGauge.Row.of(Tags.of("task", id.toString()), left)));
        restoreRemaining.register(rows, true);
    }

    /** The consumer lag of the partitions one stream thread owns, replacing what it reported before. */
    public synchronized void lags(String thread, Map<TopicPartition, Long> lags) {
        lagByThread.put(thread, Map.copyOf(lags));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        lagByThread
                .values()
                .forEach(byPartition -> byPartition.forEach((partition, records) -> rows.add(MultiGauge.Row.of(
                        Tags.of("topic", partition.topic(), "partition", Integer.toString(partition.partition())),
                        records))));
        lag.register(rows, true);
    }

    /** The watermarks of one stream thread's tasks ({@code Long.MIN_VALUE}: none yet, not shown). */
    public synchronized void watermarks(String thread, Map<String, Long> watermarks) {
        watermarksByThread.put(thread, Map.copyOf(watermarks));
        long now = clock.millis();
        List<MultiGauge.Row<?>> values = new ArrayList<>();
        List<MultiGauge.Row<?>> lags = new ArrayList<>();
        watermarksByThread
                .values()
                .forEach(byTask -> byTask.forEach((task, time) -> {
                    if (time != Long.MIN_VALUE) {
                        values.add(MultiGauge.Row.of(Tags.of("task", task), time));
                        lags.add(MultiGauge.Row.of(Tags.of("task", task), now - time));
                    }
                }));
        watermark.register(values, true);
        watermarkLag.register(lags, true);
    }

    /** The local state sizes of one stream thread's stateful tasks, replacing what it reported before. */
    public synchronized void stateSizes(String thread, Map<String, Long> bytesByTask) {
        sizesByThread.put(thread, Map.copyOf(bytesByTask));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        sizesByThread
                .values()
                .forEach(byTask ->
                        byTask.forEach((task, bytes) -> rows.add(MultiGauge.Row.of(Tags.of("task", task), bytes))));
        stateSize.register(rows, true);
    }

    public synchronized void busy(String thread, double ratio) {
        busyByThread.put(thread, ratio);
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        busyByThread.forEach((name, value) -> rows.add(MultiGauge.Row.of(Tags.of("thread", name), value)));
        busyRatio.register(rows, true);
    }

    /** Changelog records applied to local stores since start. */
    public long recordsRestored() {
        return recordsRestored.get();
    }

    public long commits() {
        return commits.get();
    }

    public long abortedTransactions() {
        return abortedTransactions.get();
    }
}
