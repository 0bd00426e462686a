package io.rivulet.internal.runtime;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the operators of a task share while one record is processed: its timestamp, its key (on keyed
 * streams), its staged state and its staged output. Output is staged like state so that a record's
 * effects are all or nothing.
 */
final class TaskContext {

    private final TaskId taskId;
    private final RecordState state;
    private final List<ProducerRecord<byte[], byte[]>> stagedOutput = new ArrayList<>();
    private long timestamp;
    private Object currentKey;
    private byte[] currentKeyBytes;

    TaskContext(TaskId taskId, RecordState state) {
        this.taskId = taskId;
        this.state = state;
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
