package io.rivulet.sink;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Builds dead-letter records: the failed record's original key, value, timestamp and headers, with headers
 * added that name where it came from and why it failed. They are sent through the thread's {@link RecordOutput}, so under
 * exactly-once a dead letter commits together with the input offset that skipped it.
 */
public final class DeadLetters {

    public static final String HEADER_CAUSE = "rivulet.dlq.cause";
    public static final String HEADER_STAGE = "rivulet.dlq.stage";
    public static final String HEADER_TOPIC = "rivulet.dlq.source.topic";
    public static final String HEADER_PARTITION = "rivulet.dlq.source.partition";
    public static final String HEADER_OFFSET = "rivulet.dlq.source.offset";

    private DeadLetters() {}

    /** The dead-letter topic of an application: {@code <application-id>-dlq}. */
    public static String topicFor(String applicationId) {
        return applicationId + "-dlq";
    }

    /**
     * @param source the record that failed, as consumed
     * @param stage {@code deserialization} or {@code processing}
     */
    public static ProducerRecord<byte[], byte[]> record(
            String dlqTopic, ConsumerRecord<byte[], byte[]> source, String stage, Throwable cause) {
        Headers headers = new RecordHeaders(source.headers().toArray());
        headers.add(HEADER_CAUSE, utf8(describe(cause)));
        headers.add(HEADER_STAGE, utf8(stage));
        headers.add(HEADER_TOPIC, utf8(source.topic()));
        headers.add(HEADER_PARTITION, utf8(String.valueOf(source.partition())));
        headers.add(HEADER_OFFSET, utf8(String.valueOf(source.offset())));
        Long timestamp = source.timestamp() >= 0 ? source.timestamp() : null;
        return new ProducerRecord<>(dlqTopic, null, timestamp, source.key(), source.value(), headers);
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
