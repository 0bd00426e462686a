package io.rivulet.sink.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * The last send to each explicitly chosen partition since the last commit, so that a commit can report where
 * each of those partitions ended (a store applies its changelog offsets from that). Kept per topic in an array
 * by partition: the hot path allocates nothing.
 */
final class LastSends {

    @SuppressWarnings("unchecked")
    private static final Future<RecordMetadata>[] NONE = new Future[0];

    private final Map<String, Future<RecordMetadata>[]> byTopic = new HashMap<>();

    void sent(ProducerRecord<byte[], byte[]> record, Future<RecordMetadata> send) {
        Integer partition = record.partition();
        if (partition == null) {
            return;
        }
        Future<RecordMetadata>[] byPartition = byTopic.get(record.topic());
        if (byPartition == null || byPartition.length <= partition) {
            byPartition = Arrays.copyOf(byPartition == null ? NONE : byPartition, partition + 1);
            byTopic.put(record.topic(), byPartition);
        }
        byPartition[partition] = send;
    }

    /** After a successful commit, when every send is acknowledged: the offset after each partition's last record. */
    Map<TopicPartition, Long> acknowledged() {
        if (byTopic.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        try {
            for (Map.Entry<String, Future<RecordMetadata>[]> topic : byTopic.entrySet()) {
                Future<RecordMetadata>[] sends = topic.getValue();
                for (int partition = 0; partition < sends.length; partition++) {
                    if (sends[partition] != null) {
                        ends.put(
                                new TopicPartition(topic.getKey(), partition),
                                sends[partition].get().offset() + 1);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while reading the acknowledged offsets of a commit", e);
        } catch (ExecutionException e) {
            throw new KafkaException("a committed send reports a failure", e.getCause());
        } finally {
            byTopic.clear();
        }
        return ends;
    }

    void clear() {
        byTopic.clear();
    }
}
