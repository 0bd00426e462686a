package io.rivulet.sink.internal;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.sink.OffsetCommitter;
import io.rivulet.sink.RecordOutput;
import io.rivulet.sink.TransactionAbortedException;

/**
 * Exactly-once v2: one transactional producer per stream thread. A transaction is begun lazily by the first
 * send after a commit and holds every record sent plus the consumed offsets.
 */
public final class TransactionalRecordOutput implements RecordOutput {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalRecordOutput.class);
    private static final Duration RETRY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMIT_RETRY_LOG_INTERVAL = Duration.ofSeconds(30);

    private final Map<String, Object> configs;
    private final String transactionalId;
    private KafkaProducer<byte[], byte[]> producer;
    private final LastSends lastSends = new LastSends();
    private boolean inTransaction;

    public TransactionalRecordOutput(Map<String, Object> userConfigs, String transactionalId) {
        this.transactionalId = transactionalId;
        this.configs = ProducerConfigs.with(userConfigs, transactionalId);
        this.configs.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        this.producer = initializedProducer();
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = initializedProducer();
        }
        return producer;
    }

    private KafkaProducer<byte[], byte[]> initializedProducer() {
        Backoff backoff = new Backoff(RETRY_TIMEOUT);
        while (true) {
            KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(configs);
            try {
                created.initTransactions();
                return created;
            } catch (TransactionalIdAuthorizationException e) {
                created.close(Duration.ZERO);
                throw new KafkaException(
                        "the Kafka cluster does not grant WRITE on transactional id " + transactionalId
                                + " to this service's principal: grant WRITE on TransactionalId by the prefix of the"
                                + " application id, as the README's ACL list says",
                        e);
            } catch (TimeoutException e) {
                created.close(Duration.ZERO);
                LOG.warn("initTransactions for {} timed out; retrying", transactionalId);
                if (!backoff.pause()) {
                    throw new KafkaException(
                            "cannot initialise transactions for " + transactionalId + " within " + RETRY_TIMEOUT
                                    + ": is the broker reachable?",
                            e);
                }
            }
        }
    }

    @Override
    public void send(ProducerRecord<byte[], byte[]> record) {
        try {
            if (!inTransaction) {
                producer().beginTransaction();
                inTransaction = true;
            }
            lastSends.sent(record, producer.send(record));
        } catch (KafkaException e) {
            throw rollBack("sending to " + record.topic(), e);
        }
    }

    @Override
    public Map<TopicPartition, Long> commit(
            Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata groupMetadata,
            OffsetCommitter committer) {
        if (!inTransaction && offsets.isEmpty()) {
            return Map.of();
        }
        try {
            if (!inTransaction) {
                producer().beginTransaction();
                inTransaction = true;
            }
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, groupMetadata);
            }
            commitWithRetries();
            inTransaction = false;
        } catch (KafkaException e) {
            lastSends.clear();
            throw rollBack("committing the transaction", e);
        }
        return lastSends.acknowledged();
    }

    /**
     * Commits, retrying for as long as the commit times out. After a timeout Kafka's producer allows nothing but
     * the same commit again (not even an abort), and whether the transaction committed is known only once a retry
     * answers: giving up would leave the local state unable to tell. So a commit caught by a cluster outage waits
     * for the cluster, however long it is away, and then completes.
     */
    private void commitWithRetries() {
        long lastLog = System.nanoTime() - COMMIT_RETRY_LOG_INTERVAL.toNanos();
        while (true) {
            try {
                producer.commitTransaction();
                return;
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                if (now - lastLog >= COMMIT_RETRY_LOG_INTERVAL.toNanos()) {
                    lastLog = now;
                    LOG.warn("commit of {} timed out; retrying until the cluster answers", transactionalId);
                }
            }
        }
    }

    private TransactionAbortedException rollBack(String what, KafkaException cause) {
        boolean ownershipLost = KafkaErrors.ownershipLost(cause);
        LOG.warn("{} failed for {} ({}); aborting the transaction", what, transactionalId, cause.toString());
        if (KafkaErrors.producerFenced(cause)) {
            discardProducer();
        } else {
            abort();
        }
        return new TransactionAbortedException(
                what + " failed for " + transactionalId + ": " + cause.getMessage(), cause, ownershipLost);
    }

    @Override
    public void abort() {
        lastSends.clear();
        if (!inTransaction) {
            return;
        }
        try {
            producer.abortTransaction();
            inTransaction = false;
        } catch (KafkaException | IllegalStateException e) {
            // A replacement producer's initTransactions aborts the open transaction at the coordinator.
            LOG.warn("abort failed for {} ({}); replacing the producer", transactionalId, e.toString());
            discardProducer();
        }
    }

    /**
     * A fenced or broken producer cannot be used again. Its successor is created only when the thread sends
     * again, after it rejoined the group: creating it now would fence whoever fenced us.
     */
    private void discardProducer() {
        inTransaction = false;
        producer.close(Duration.ZERO);
        producer = null;
    }

    @Override
    public void close(Duration timeout) {
        try {
            abort();
        } finally {
            if (producer != null) {
                producer.close(timeout);
            }
        }
    }
}
