package io.rivulet.internal.runtime;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.rivulet.api.KafkaSink;

/** Writes elements to a user topic with the element's timestamp. */
final class SinkNode extends ProcessorNode {

    private final String topic;
    private final KafkaSink.RecordEncoder<Object> encoder;
    private final TaskContext context;

    SinkNode(String name, KafkaSink<Object> sink, TaskContext context) {
        super(name);
        this.topic = sink.topic();
        this.encoder = sink.encoder();
        this.context = context;
    }

    @Override
    void process(Object element) {
        context.send(new ProducerRecord<>(topic, null, context.timestamp(), encoder.key(element), encoder.value(element)));
    }
}
