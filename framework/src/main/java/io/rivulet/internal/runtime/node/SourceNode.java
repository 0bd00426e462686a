package io.rivulet.internal.runtime.node;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The root of a task: turns a consumed record into the record its children process. */
public abstract class SourceNode extends ProcessorNode {

    public SourceNode(String name) {
        super(name);
    }

    /** Decodes the record into an element with its event time, and its key if the stream is keyed; throws on bad bytes. */
    public abstract StreamRecord decode(ConsumerRecord<byte[], byte[]> record);

    @Override
    public void process(StreamRecord record) throws Exception {
        forward(record);
    }

    /** Called every auto-watermark interval: periodic watermark generators emit here. */
    public void emitPeriodicWatermark() {}
}
