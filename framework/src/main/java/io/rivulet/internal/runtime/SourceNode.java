package io.rivulet.internal.runtime;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The root of a task: turns a consumed record into the element its children process. */
abstract class SourceNode extends ProcessorNode {

    SourceNode(String name) {
        super(name);
    }

    /** Decodes the record and sets the context's key, if the stream is keyed; throws on bad bytes. */
    abstract Object decode(ConsumerRecord<byte[], byte[]> record, TaskContext context);

    @Override
    void process(Object element) throws Exception {
        forward(element);
    }

    /** Called every auto-watermark interval: periodic watermark generators emit here. */
    void emitPeriodicWatermark() {
    }
}
