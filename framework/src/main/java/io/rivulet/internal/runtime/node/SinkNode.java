package io.rivulet.internal.runtime.node;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.rivulet.api.kafka.KafkaSink;

/** Writes elements to a user topic with the element's timestamp. */
public final class SinkNode extends ProcessorNode {

    private final String topic;
    private final KafkaSink.RecordEncoder<Object> encoder;
    private final OutputBuffer output;

    public SinkNode(String name, KafkaSink<Object> sink, OutputBuffer output) {
        super(name);
        this.topic = sink.topic();
        this.encoder = sink.encoder();
        this.output = output;
    }

    @Override
    public void process(StreamRecord record) {
        Object element = record.value();
        output.stage(
                new ProducerRecord<>(topic, null, record.timestamp(), encoder.key(element), encoder.value(element)));
    }
}
