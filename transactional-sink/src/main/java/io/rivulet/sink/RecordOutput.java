package io.rivulet.sink;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import io.rivulet.sink.internal.NonTransactionalRecordOutput;
import io.rivulet.sink.internal.TransactionalRecordOutput;

/**
 * The one producer of a stream thread: every output, repartition, changelog and dead-letter record goes
 * through it, so that under {@link ProcessingGuarantee#EXACTLY_ONCE} they all commit in one transaction
 * together with the consumed offsets. Not thread-safe: one stream thread uses it.
 */
public interface RecordOutput extends AutoCloseable {

    /**
     * Creates the output for a guarantee. Under exactly-once, {@code transactionalId} must be unique per
     * stream thread and stable across its restarts; the producer is initialised (fencing an older producer
     * with the same id) before this returns.
     *
     * @param producerConfigs client settings (bootstrap servers, security, tuning); serializers, acks,
     *        idempotence and the transactional id are set here
     */
    static RecordOutput create(
            ProcessingGuarantee guarantee, Map<String, Object> producerConfigs, String transactionalId) {
        return switch (guarantee) {
            case EXACTLY_ONCE -> new TransactionalRecordOutput(producerConfigs, transactionalId);
            case AT_LEAST_ONCE, AT_MOST_ONCE -> new NonTransactionalRecordOutput(producerConfigs, transactionalId);
        };
    }

    /**
     * Sends a record; under exactly-once a transaction is begun first if none is open. Errors of the send
     * surface no later than the next {@link #commit}.
     */
    void send(ProducerRecord<byte[], byte[]> record);

    /**
     * Makes everything sent since the last commit durable together with {@code offsets} (the next offsets to
     * consume): under exactly-once by sending the offsets to the transaction with the consumer's group
     * metadata (so a member of an older generation is fenced) and committing it; otherwise by flushing and
     * then calling {@code committer}. Retriable errors are retried with backoff until the commit timeout.
     *
     * @return for every partition that records were sent to with an explicit partition since the last
     *         commit, the offset after the last of them: where a changelog stands after this commit
     * @throws TransactionAbortedException if nothing of it committed
     */
    Map<TopicPartition, Long> commit(
            Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata groupMetadata,
            OffsetCommitter committer);

    /** Rolls back what was sent since the last commit, as far as the guarantee allows. */
    void abort();

    /** Closes the producer; an open transaction is aborted. */
    void close(Duration timeout);

    @Override
    default void close() {
        close(Duration.ofSeconds(30));
    }
}
