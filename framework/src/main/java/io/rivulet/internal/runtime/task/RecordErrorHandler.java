package io.rivulet.internal.runtime.task;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.sink.DeadLetters;
import io.rivulet.sink.RecordOutput;

/** Applies the configured {@link ErrorPolicy} to a record that could not be deserialized or processed. */
public final class RecordErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RecordErrorHandler.class);

    private final ErrorPolicy deserialization;
    private final ErrorPolicy processing;
    private final String deadLetterTopic;

    public RecordErrorHandler(ErrorPolicy deserialization, ErrorPolicy processing, String deadLetterTopic) {
        this.deserialization = deserialization;
        this.processing = processing;
        this.deadLetterTopic = deadLetterTopic;
    }

    public void onDeserializationError(
            TaskId task, ConsumerRecord<byte[], byte[]> record, Exception cause, RecordOutput output) {
        handle(deserialization, "deserialization", task, record, cause, output);
    }

    public void onProcessingError(
            TaskId task, ConsumerRecord<byte[], byte[]> record, Exception cause, RecordOutput output) {
        handle(processing, "processing", task, record, cause, output);
    }

    private void handle(
            ErrorPolicy policy,
            String stage,
            TaskId task,
            ConsumerRecord<byte[], byte[]> record,
            Exception cause,
            RecordOutput output) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        switch (policy) {
            case FAIL ->
                throw new StreamsFatalException(
                        stage + " of the record at topic " + record.topic()
                                + ", partition " + record.partition() + ", offset " + record.offset()
                                + " failed in task " + task
                                + ": " + cause + " (rivulet.errors." + stage + "=fail)",
                        cause);
            case SKIP ->
                LOG.warn("Skipping the record at {} in task {}: {} failed: {}", where, task, stage, cause.toString());
            case DEAD_LETTER -> {
                LOG.warn(
                        "Sending the record at {} in task {} to {}: {} failed: {}",
                        where,
                        task,
                        deadLetterTopic,
                        stage,
                        cause.toString());
                output.send(DeadLetters.record(deadLetterTopic, record, stage, cause));
            }
        }
    }
}
