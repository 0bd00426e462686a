package io.rivulet.internal.runtime;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.sink.RecordOutput;
import io.rivulet.state.StateWrite;
import io.rivulet.state.TaskStateStore;

/**
 * One sub-topology on one partition: its operator instances, its queue of polled records, its state store
 * and the offsets it has consumed. A record's output and state changes are all or nothing; they join the
 * thread's open transaction, and the state reaches the local store only after that transaction commits.
 */
final class Task {

    enum State { RESTORING, RUNNING }

    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final TaskId id;
    private final TopicPartition input;
    private final SourceNode source;
    private final List<ProcessorNode> nodes;
    private final TaskContext context;
    private final TaskStateStore store;
    private final Map<String, TopicPartition> changelogByUid;
    private final RecordErrorHandler errors;
    private final WatermarkTracker watermarks;
    private final ArrayDeque<ConsumerRecord<byte[], byte[]>> queue = new ArrayDeque<>();
    private final Map<TopicPartition, Future<RecordMetadata>> lastChangelogSends = new HashMap<>();
    private final List<RepartitionSinkNode> repartitionSinks;
    private long firedWatermark = Long.MIN_VALUE;
    private long markedWatermark = Long.MIN_VALUE;
    private boolean markedIdle;
    private boolean markersUncommitted;
    private State state;
    private long nextOffset;
    private long committedOffset;
    private boolean uncommitted;

    Task(TaskId id, TopicPartition input, SourceNode source, List<ProcessorNode> nodes, TaskContext context,
            TaskStateStore store, Map<String, TopicPartition> changelogByUid, RecordErrorHandler errors,
            WatermarkTracker watermarks) {
        this.id = id;
        this.input = input;
        this.source = source;
        this.nodes = nodes;
        this.context = context;
        this.store = store;
        this.changelogByUid = changelogByUid;
        this.errors = errors;
        this.watermarks = watermarks;
        this.repartitionSinks = nodes.stream().filter(RepartitionSinkNode.class::isInstance)
                .map(RepartitionSinkNode.class::cast).toList();
        this.state = store == null ? State.RUNNING : State.RESTORING;
    }

    TaskId id() {
        return id;
    }

    TopicPartition input() {
        return input;
    }

    State state() {
        return state;
    }

    TaskStateStore store() {
        return store;
    }

    /** The changelog partitions of the task's stateful operators. */
    Iterable<TopicPartition> changelogPartitions() {
        return changelogByUid.values();
    }

    /**
     * Called once the position to start from is known; opens the operators.
     *
     * @param committedMetadata the metadata committed with the offset (the watermark state), or null
     */
    void initialize(long startOffset, String committedMetadata) throws Exception {
        watermarks.restore(committedMetadata);
        this.nextOffset = startOffset;
        this.committedOffset = startOffset;
        for (ProcessorNode node : nodes) {
            node.open();
        }
    }

    /** The task's event-time watermark: {@code Long.MIN_VALUE} until its inputs report one. */
    long watermark() {
        return watermarks.current();
    }

    /**
     * Lets periodic generators emit, then passes the task's watermark on to the repartition topics it
     * writes when it advanced (or the task went idle), in the open transaction.
     */
    void emitPeriodicWatermark(RecordOutput output) {
        long before = watermarks.current();
        source.emitPeriodicWatermark();
        if (watermarks.current() != before) {
            // The watermark is committed with the offsets: an advance alone is worth a commit.
            uncommitted = true;
        }
        // What the watermark makes due is emitted before the watermark itself moves downstream.
        fireTimers(output);
        if (repartitionSinks.isEmpty()) {
            return;
        }
        boolean idle = watermarks.allIdle();
        long watermark = watermarks.current();
        if (idle ? markedIdle : watermark <= markedWatermark) {
            return;
        }
        for (RepartitionSinkNode sink : repartitionSinks) {
            sink.sendMarkers(output, id.partition(), watermark, idle);
        }
        markedIdle = idle;
        markedWatermark = Math.max(markedWatermark, watermark);
        markersUncommitted = true;
    }

    void restored() {
        state = State.RUNNING;
    }

    void addRecords(List<ConsumerRecord<byte[], byte[]>> records) {
        queue.addAll(records);
    }

    boolean hasQueuedRecords() {
        return !queue.isEmpty();
    }

    /** Processes the next queued record; returns false if none is queued. */
    boolean processNext(RecordOutput output) {
        ConsumerRecord<byte[], byte[]> record = queue.poll();
        if (record == null) {
            return false;
        }
        // After a restore the operators learn the committed watermark before they judge lateness.
        fireEventTimers(output);
        if (source instanceof RepartitionSourceNode && WatermarkMarkers.apply(record, watermarks)) {
            advancePast(record);
            fireEventTimers(output);
            return true;
        }
        context.timestamp(record.timestamp());
        context.currentKey(null, null);
        Object element;
        try {
            element = source.decode(record, context);
        } catch (RuntimeException e) {
            errors.onDeserializationError(id, record, e, output);
            advancePast(record);
            return true;
        }
        try {
            source.process(element);
        } catch (Exception e) {
            discardRecordEffects();
            errors.onProcessingError(id, record, unwrap(e), output);
            advancePast(record);
            return true;
        }
        passOnRecordEffects(output);
        advancePast(record);
        fireEventTimers(output);
        return true;
    }

    /** Sends the staged output and hands the staged state to the transaction: a record's effects, or a timer's. */
    private void passOnRecordEffects(RecordOutput output) {
        List<ProducerRecord<byte[], byte[]>> staged = context.stagedOutput();
        for (int i = 0; i < staged.size(); i++) {
            output.send(staged.get(i));
        }
        staged.clear();
        if (context.state() != null) {
            context.state().commitRecord();
        }
    }

    private void fireEventTimers(RecordOutput output) {
        if (watermarks.current() > firedWatermark) {
            fireTimers(output);
        }
    }

    /**
     * Fires the timers that the task's watermark and the processing-time clock made due, operator by
     * operator in topological order, in the open transaction. A timer that throws has no input record to
     * skip or dead-letter, so it stops the task, as a failing timer fails a Flink job.
     */
    void fireTimers(RecordOutput output) {
        long watermark = watermarks.current();
        boolean eventTimeAdvanced = watermark > firedWatermark;
        long now = context.currentProcessingTime();
        try {
            for (ProcessorNode node : nodes) {
                if (eventTimeAdvanced) {
                    node.onWatermark(watermark);
                }
                node.onProcessingTime(now);
            }
        } catch (Exception e) {
            Exception cause = unwrap(e);
            throw new StreamsFatalException("a timer of task " + id + " failed (watermark " + watermark + ", processing time "
                    + now + "): " + cause, cause);
        }
        firedWatermark = Math.max(firedWatermark, watermark);
        passOnRecordEffects(output);
    }

    private void advancePast(ConsumerRecord<byte[], byte[]> record) {
        nextOffset = record.offset() + 1;
        uncommitted = true;
    }

    private void discardRecordEffects() {
        context.discardRecord();
    }

    private static Exception unwrap(Exception e) {
        return e instanceof DownstreamException && e.getCause() instanceof Exception cause ? cause : e;
    }

    boolean needsCommit() {
        return uncommitted || markersUncommitted || (store != null && store.hasPendingWrites());
    }

    /** The input offset to commit with the transaction, if anything was consumed since the last commit. */
    Map<TopicPartition, OffsetAndMetadata> offsetsToCommit() {
        return uncommitted ? Map.of(input, new OffsetAndMetadata(nextOffset, watermarks.encode())) : Map.of();
    }

    /** Sends the state changes of the open transaction to the changelog, in the same transaction. */
    void sendChangelog(RecordOutput output) {
        if (store == null || !store.hasPendingWrites()) {
            return;
        }
        for (StateWrite write : store.pendingWrites()) {
            TopicPartition changelog = changelogByUid.get(ChangelogFormat.uidOf(write.stateName()));
            lastChangelogSends.put(changelog, output.send(new ProducerRecord<>(changelog.topic(), changelog.partition(),
                    null, ChangelogFormat.key(write.stateName(), write.key()), write.value())));
        }
    }

    /** After the transaction committed: applies the state buffer to the local store with the changelog offsets. */
    void completeCommit() {
        if (store != null && !lastChangelogSends.isEmpty()) {
            Map<String, Long> offsets = new HashMap<>();
            try {
                for (Map.Entry<TopicPartition, Future<RecordMetadata>> send : lastChangelogSends.entrySet()) {
                    offsets.put(send.getKey().toString(), send.getValue().get().offset() + 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StreamsFatalException("interrupted while completing the commit of task " + id, e);
            } catch (ExecutionException e) {
                throw new StreamsFatalException("a committed changelog write of task " + id + " reports a failure", e);
            }
            store.commit(offsets);
            lastChangelogSends.clear();
        }
        committedOffset = nextOffset;
        uncommitted = false;
        markersUncommitted = false;
    }

    /**
     * The transaction was aborted: drops every uncommitted effect and returns the offset to consume again
     * from.
     */
    long rewind() {
        queue.clear();
        discardRecordEffects();
        lastChangelogSends.clear();
        if (store != null) {
            store.abort();
        }
        nextOffset = committedOffset;
        uncommitted = false;
        // Timers fired in the aborted transaction are back in the store: fire them again.
        firedWatermark = Long.MIN_VALUE;
        // Aborted markers are sent again at the next emission.
        markersUncommitted = false;
        markedWatermark = Long.MIN_VALUE;
        markedIdle = false;
        return committedOffset;
    }

    /** Closes operators and the store; a dirty close first drops what is not committed. */
    void close(boolean clean) {
        if (!clean || (store != null && store.hasPendingWrites())) {
            rewind();
        }
        for (ProcessorNode node : nodes) {
            try {
                node.close();
            } catch (Exception e) {
                LOG.warn("Closing operator {} of task {} failed", node.name(), id, e);
            }
        }
        if (store != null) {
            store.close();
        }
        LOG.info("Closed task {} ({})", id, clean ? "clean" : "dirty");
    }
}
