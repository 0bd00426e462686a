package io.rivulet.internal.graph;

import io.rivulet.api.KafkaSource;

public final class SourceTransformation extends Transformation {

    private final KafkaSource<?> source;

    public SourceTransformation(int id, KafkaSource<?> source) {
        super(id, null, "source:" + source.topic());
        this.source = source;
    }

    public KafkaSource<?> source() {
        return source;
    }
}
