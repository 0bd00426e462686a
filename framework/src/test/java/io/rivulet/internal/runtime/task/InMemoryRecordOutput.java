package io.rivulet.internal.runtime.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import io.rivulet.sink.OffsetCommitter;
import io.rivulet.sink.RecordOutput;

/**
 * A record output that keeps what it is sent in memory, as a transactional one would: records of the open
 * transaction are {@link #pending()} until a commit makes them {@link #committed()}, an abort drops them, and a
 * commit reports where each explicitly chosen partition ends, counting offsets per partition from 0.
 */
public final class InMemoryRecordOutput implements RecordOutput {

    private final List<ProducerRecord<byte[], byte[]>> pending = new ArrayList<>();
    private final List<ProducerRecord<byte[], byte[]>> committed = new ArrayList<>();
    private final Map<TopicPartition, Long> ends = new HashMap<>();
    private final List<Map<TopicPartition, OffsetAndMetadata>> committedOffsets = new ArrayList<>();

    @Override
    public void send(ProducerRecord<byte[], byte[]> record) {
        pending.add(record);
    }

    @Override
    public Map<TopicPartition, Long> commit(
            Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata groupMetadata,
            OffsetCommitter committer) {
        Map<TopicPartition, Long> acknowledged = new HashMap<>();
        for (ProducerRecord<byte[], byte[]> record : pending) {
            if (record.partition() != null) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                long end = ends.merge(partition, 1L, Long::sum);
                acknowledged.put(partition, end);
            }
        }
        committed.addAll(pending);
        pending.clear();
        committedOffsets.add(Map.copyOf(offsets));
        return acknowledged;
    }

    @Override
    public void abort() {
        pending.clear();
    }

    @Override
    public void close(Duration timeout) {}

    public List<ProducerRecord<byte[], byte[]>> pending() {
        return List.copyOf(pending);
    }

    public List<ProducerRecord<byte[], byte[]>> committed() {
        return List.copyOf(committed);
    }

    public List<Map<TopicPartition, OffsetAndMetadata>> committedOffsets() {
        return List.copyOf(committedOffsets);
    }
}
