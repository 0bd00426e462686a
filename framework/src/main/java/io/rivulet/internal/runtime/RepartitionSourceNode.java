package io.rivulet.internal.runtime;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.rivulet.internal.graph.KeyByTransformation;

/** Reads a repartition topic: the record key is the element's key, which scopes keyed state downstream. */
final class RepartitionSourceNode extends SourceNode {

    private final KeyByTransformation keyBy;

    RepartitionSourceNode(KeyByTransformation keyBy) {
        super(keyBy.name() + ":read");
        this.keyBy = keyBy;
    }

    @Override
    Object decode(ConsumerRecord<byte[], byte[]> record, TaskContext context) {
        context.currentKey(keyBy.keySerde().deserialize(record.key()), record.key());
        return keyBy.valueSerde().deserialize(record.value());
    }
}
