package io.rivulet.internal.runtime.task;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.internal.runtime.changelog.TaskStateManager;
import io.rivulet.internal.runtime.node.OperatorChain;
import io.rivulet.internal.runtime.node.RepartitionSinkNode;
import io.rivulet.internal.runtime.node.RepartitionSourceNode;
import io.rivulet.internal.runtime.node.SourceNode;
import io.rivulet.internal.runtime.node.StreamRecord;
import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.internal.runtime.time.WatermarkMarkers;
import io.rivulet.internal.runtime.time.WatermarkTracker;
import io.rivulet.sink.RecordOutput;

/**
 * One sub-topology on one partition: its queue of polled records and the offsets it has consumed, its event
 * time (and the watermark markers it passes downstream), its operator chain and its state. A record's output
 * and state changes are all or nothing; they join the thread's open transaction, and the state reaches the
 * local store only after that transaction commits.
 */
public final class Task {

    public enum State {
        RESTORING,
        RUNNING
    }

    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final TaskId id;
    private final TopicPartition input;
    private final SourceNode source;
    private final OperatorChain chain;
    private final TaskStateManager stateManager;
    private final RecordErrorHandler errors;
    private final WatermarkTracker watermarks;
    private final RecordOutput output;
    private final List<RepartitionSinkNode> repartitionSinks;
    private final ArrayDeque<ConsumerRecord<byte[], byte[]>> queue = new ArrayDeque<>();
    private long firedWatermark = Long.MIN_VALUE;
    private long markedWatermark = Long.MIN_VALUE;
    private boolean markedIdle;
    private boolean markersUncommitted;
    private State state;
    private long nextOffset;
    private long committedOffset;
    private boolean uncommitted;
    /** Records consumed since the last commit (or rewind): what the next commit covers. */
    private long uncommittedCount;
    /** Records consumed that committed transactions covered, since the task was created. */
    private long committedCount;

    /** @param output the stream thread's output: watermark markers and dead letters go straight to it */
    public Task(
            TaskId id,
            TopicPartition input,
            SourceNode source,
            OperatorChain chain,
            TaskStateManager stateManager,
            RecordErrorHandler errors,
            WatermarkTracker watermarks,
            List<RepartitionSinkNode> repartitionSinks,
            RecordOutput output) {
        this.id = id;
        this.input = input;
        this.source = source;
        this.chain = chain;
        this.stateManager = stateManager;
        this.errors = errors;
        this.watermarks = watermarks;
        this.repartitionSinks = List.copyOf(repartitionSinks);
        this.output = output;
        this.state = stateManager.stateful() ? State.RESTORING : State.RUNNING;
    }

    public TaskId id() {
        return id;
    }

    public TopicPartition input() {
        return input;
    }

    public State state() {
        return state;
    }

    public TaskStateManager stateManager() {
        return stateManager;
    }

    /**
     * Called once the position to start from is known; opens the operators.
     *
     * @param committedMetadata the metadata committed with the offset (the watermark state), or null
     */
    public void initialize(long startOffset, String committedMetadata) throws Exception {
        watermarks.restore(committedMetadata);
        this.nextOffset = startOffset;
        this.committedOffset = startOffset;
        chain.open();
    }

    /** The task's event-time watermark: {@code Long.MIN_VALUE} until its inputs report one. */
    public long watermark() {
        return watermarks.current();
    }

    /**
     * Lets periodic generators emit, then passes the task's watermark on to the repartition topics it
     * writes when it advanced (or the task went idle), in the open transaction.
     */
    public void emitPeriodicWatermark() {
        long before = watermarks.current();
        source.emitPeriodicWatermark();
        if (watermarks.current() != before) {
            // The watermark is committed with the offsets: an advance alone is worth a commit.
            uncommitted = true;
        }
        // What the watermark makes due is emitted before the watermark itself moves downstream.
        fireTimers();
        if (repartitionSinks.isEmpty()) {
            return;
        }
        boolean idle = watermarks.allIdle();
        long watermark = watermarks.current();
        if (idle ? markedIdle : watermark <= markedWatermark) {
            return;
        }
        for (RepartitionSinkNode sink : repartitionSinks) {
            sink.sendMarkers(output, watermark, idle);
        }
        markedIdle = idle;
        markedWatermark = Math.max(markedWatermark, watermark);
        markersUncommitted = true;
    }

    public void restored() {
        state = State.RUNNING;
    }

    public void addRecords(List<ConsumerRecord<byte[], byte[]>> records) {
        queue.addAll(records);
    }

    public boolean hasQueuedRecords() {
        return !queue.isEmpty();
    }

    /** Processes the next queued record; returns false if none is queued. */
    public boolean processNext() {
        ConsumerRecord<byte[], byte[]> record = queue.poll();
        if (record == null) {
            return false;
        }
        // After a restore the operators learn the committed watermark before they judge lateness.
        fireEventTimers();
        if (source instanceof RepartitionSourceNode && WatermarkMarkers.apply(record, watermarks)) {
            advancePast(record);
            fireEventTimers();
            return true;
        }
        StreamRecord element;
        try {
            element = source.decode(record);
        } catch (RuntimeException e) {
            errors.onDeserializationError(id, record, e, output);
            advancePast(record);
            return true;
        }
        try {
            chain.process(source, element);
        } catch (Exception e) {
            errors.onProcessingError(id, record, e, output);
        }
        advancePast(record);
        fireEventTimers();
        return true;
    }

    private void fireEventTimers() {
        if (watermarks.current() > firedWatermark) {
            fireTimers();
        }
    }

    /**
     * Fires the timers that the task's watermark and the processing-time clock made due, in the open
     * transaction. A timer that throws has no input record to skip or dead-letter, so it stops the task, as
     * a failing timer fails a Flink job.
     */
    public void fireTimers() {
        long watermark = watermarks.current();
        long now = chain.services().currentProcessingTime();
        try {
            chain.advanceTime(watermark, watermark > firedWatermark, now, true);
        } catch (Exception e) {
            throw new StreamsFatalException(
                    "a timer of task " + id + " failed (watermark " + watermark + ", processing time " + now + "): "
                            + e,
                    e);
        }
        firedWatermark = Math.max(firedWatermark, watermark);
    }

    private void advancePast(ConsumerRecord<byte[], byte[]> record) {
        nextOffset = record.offset() + 1;
        uncommitted = true;
        uncommittedCount++;
    }

    /**
     * The consumer's position for the input moved past what the task processed, with nothing queued: it skipped
     * transaction markers and aborted records (such as a crashed instance's last transaction). The next commit
     * covers them, so that the committed offset reaches the partition's end and the lag returns to zero (as
     * Kafka Streams commits the consumer's position once a partition's queue is empty).
     */
    public void skipTo(long position) {
        if (queue.isEmpty() && position > nextOffset) {
            nextOffset = position;
            uncommitted = true;
        }
    }

    /** How many input records were consumed since the last commit (or rewind). */
    public long uncommittedRecords() {
        return nextOffset - committedOffset;
    }

    public boolean needsCommit() {
        return uncommitted || markersUncommitted || stateManager.hasPendingWrites();
    }

    /**
     * Puts the task's part into the open transaction: sends its changelog and returns the input offset to
     * commit with it, if anything was consumed since the last commit.
     */
    public Map<TopicPartition, OffsetAndMetadata> prepareCommit() {
        stateManager.sendChangelog(output);
        return uncommitted ? Map.of(input, new OffsetAndMetadata(nextOffset, watermarks.encode())) : Map.of();
    }

    /**
     * After the transaction committed: the state reaches the local store with its changelog offsets.
     *
     * @return how many input records the commit covered
     */
    public long completeCommit(Map<TopicPartition, Long> acknowledged) {
        stateManager.completeCommit(acknowledged);
        committedOffset = nextOffset;
        uncommitted = false;
        markersUncommitted = false;
        long covered = uncommittedCount;
        uncommittedCount = 0;
        committedCount += covered;
        return covered;
    }

    /** How many input records the task's committed transactions covered since it was created here. */
    public long committedRecords() {
        return committedCount;
    }

    /** The late elements, by operator uid, of the records the last commit covered. */
    public Map<String, Long> takeCommittedLateRecords() {
        return chain.services().lateRecords().takeCommitted();
    }

    /**
     * The transaction was aborted: drops every uncommitted effect and returns the offset to consume again
     * from.
     */
    public long rewind() {
        queue.clear();
        chain.discardRecord();
        stateManager.abort();
        nextOffset = committedOffset;
        uncommitted = false;
        uncommittedCount = 0;
        chain.services().lateRecords().discardTransaction();
        // Timers fired in the aborted transaction are back in the store: fire them again.
        firedWatermark = Long.MIN_VALUE;
        // Aborted markers are sent again at the next emission.
        markersUncommitted = false;
        markedWatermark = Long.MIN_VALUE;
        markedIdle = false;
        return committedOffset;
    }

    /** Closes operators and the store; a dirty close first drops what is not committed. */
    public void close(boolean clean) {
        if (!clean || stateManager.hasPendingWrites()) {
            rewind();
        }
        chain.close(id);
        stateManager.close();
        LOG.info("Closed task {} ({})", id, clean ? "clean" : "dirty");
    }
}
