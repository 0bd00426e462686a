package io.rivulet.internal.graph;

import io.rivulet.api.kafka.KafkaSink;

public final class SinkTransformation extends Transformation {

    private final KafkaSink<Object> sink;

    public SinkTransformation(int id, Transformation input, KafkaSink<Object> sink) {
        super(id, input, "sink:" + sink.topic());
        this.sink = sink;
    }

    public KafkaSink<Object> sink() {
        return sink;
    }
}
