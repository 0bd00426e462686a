package io.rivulet.internal.runtime;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.rivulet.api.KafkaSource;

/** Reads a user topic through the source's decoder. */
final class TopicSourceNode extends SourceNode {

    private final KafkaSource.RecordDecoder<?> decoder;

    TopicSourceNode(String name, KafkaSource<?> source) {
        super(name);
        this.decoder = source.decoder();
    }

    @Override
    Object decode(ConsumerRecord<byte[], byte[]> record, TaskContext context) {
        return decoder.decode(record.key(), record.value());
    }
}
