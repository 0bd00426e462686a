package io.rivulet.sink;

import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Commits consumed offsets through the consumer, for the guarantees that do not use transactions. */
@FunctionalInterface
public interface OffsetCommitter {
    void commit(Map<TopicPartition, OffsetAndMetadata> offsets);
}
