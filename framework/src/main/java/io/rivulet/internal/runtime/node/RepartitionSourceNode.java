package io.rivulet.internal.runtime.node;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.rivulet.internal.graph.KeyByTransformation;

/** Reads a repartition topic: the record key is the element's key, which scopes keyed state downstream. */
public final class RepartitionSourceNode extends SourceNode {

    private final KeyByTransformation keyBy;

    public RepartitionSourceNode(KeyByTransformation keyBy) {
        super(keyBy.name() + ":read");
        this.keyBy = keyBy;
    }

    @Override
    public StreamRecord decode(ConsumerRecord<byte[], byte[]> record) {
        Object key = record.key() == null ? null : keyBy.keySerde().deserialize(record.key());
        return new StreamRecord(keyBy.valueSerde().deserialize(record.value()), record.timestamp(), key, record.key());
    }
}
