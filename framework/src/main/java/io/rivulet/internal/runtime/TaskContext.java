package io.rivulet.internal.runtime;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the operators of a task share while one record (or timer) is processed: its timestamp, its key (on
 * keyed streams), its staged state and its staged output, and the task's processing-time clock. Output is staged like state so that a record's
 * effects are all or nothing.
 */
final class TaskContext {

    private final TaskId taskId;
    private final RecordState state;
    private final InstantSource clock;
    private final List<ProducerRecord<byte[], byte[]>> stagedOutput = new ArrayList<>();
    private final List<TimerQueue> timerQueues = new ArrayList<>();
    private long timestamp;
    private Object currentKey;
    private byte[] currentKeyBytes;

    TaskContext(TaskId taskId, RecordState state, InstantSource clock) {
        this.taskId = taskId;
        this.state = state;
        this.clock = clock;
    }

    /** The processing-time clock: the system clock in a service, a manual one in tests. */
    long currentProcessingTime() {
        return clock.millis();
    }

    void addTimerQueue(TimerQueue queue) {
        timerQueues.add(queue);
    }

    /** Drops the record's staged state and output, and the in-memory timers that may include its timers. */
    void discardRecord() {
        stagedOutput.clear();
        if (state != null) {
            state.discardRecord();
        }
        for (int i = 0; i < timerQueues.size(); i++) {
            timerQueues.get(i).invalidate();
        }
    }

    TaskId taskId() {
        return taskId;
    }

    long timestamp() {
        return timestamp;
    }

    void timestamp(long value) {
        this.timestamp = value;
    }

    Object currentKey() {
        return currentKey;
    }

    byte[] currentKeyBytes() {
        if (currentKeyBytes == null) {
            throw new IllegalStateException("keyed state is only available on a keyed stream, inside processing of an element");
        }
        return currentKeyBytes;
    }

    void currentKey(Object key, byte[] keyBytes) {
        this.currentKey = key;
        this.currentKeyBytes = keyBytes;
    }

    /** The task's state; null when the task has no stateful operator. */
    RecordState state() {
        return state;
    }

    void send(ProducerRecord<byte[], byte[]> record) {
        stagedOutput.add(record);
    }

    List<ProducerRecord<byte[], byte[]>> stagedOutput() {
        return stagedOutput;
    }
}
