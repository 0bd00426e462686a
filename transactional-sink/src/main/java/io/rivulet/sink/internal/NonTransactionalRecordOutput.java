package io.rivulet.sink.internal;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

import io.rivulet.sink.OffsetCommitter;
import io.rivulet.sink.RecordOutput;
import io.rivulet.sink.TransactionAbortedException;

/**
 * At-least-once and at-most-once: an idempotent producer whose output is flushed before offsets are
 * committed. A failed send fails the next commit, so offsets never pass output that was not written.
 */
public final class NonTransactionalRecordOutput implements RecordOutput {

    private final KafkaProducer<byte[], byte[]> producer;
    private final LastSends lastSends = new LastSends();
    private volatile Exception firstSendError;

    public NonTransactionalRecordOutput(Map<String, Object> userConfigs, String clientId) {
        this.producer = new KafkaProducer<>(ProducerConfigs.with(userConfigs, clientId));
    }

    @Override
    public void send(ProducerRecord<byte[], byte[]> record) {
        lastSends.sent(record, producer.send(record, (metadata, error) -> {
            if (error != null && firstSendError == null) {
                firstSendError = error;
            }
        }));
    }

    @Override
    public Map<TopicPartition, Long> commit(
            Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata groupMetadata,
            OffsetCommitter committer) {
        producer.flush();
        Exception sendError = firstSendError;
        if (sendError != null) {
            firstSendError = null;
            lastSends.clear();
            throw new TransactionAbortedException(
                    "output could not be written: " + sendError.getMessage(), sendError, false);
        }
        Map<TopicPartition, Long> acknowledged = lastSends.acknowledged();
        if (offsets.isEmpty()) {
            return acknowledged;
        }
        try {
            committer.commit(offsets);
        } catch (KafkaException e) {
            throw new TransactionAbortedException(
                    "committing offsets failed: " + e.getMessage(), e, KafkaErrors.ownershipLost(e));
        }
        return acknowledged;
    }

    @Override
    public void abort() {
        // Sent records cannot be taken back without transactions; the next commit reports send errors.
        firstSendError = null;
        lastSends.clear();
    }

    @Override
    public void close(Duration timeout) {
        producer.close(timeout);
    }
}
