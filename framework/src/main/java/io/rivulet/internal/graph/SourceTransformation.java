package io.rivulet.internal.graph;

import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.kafka.KafkaSource;

public final class SourceTransformation extends Transformation {

    private final KafkaSource<?> source;
    private final WatermarkStrategy<?> watermarkStrategy;

    public SourceTransformation(int id, KafkaSource<?> source, WatermarkStrategy<?> watermarkStrategy) {
        super(id, null, "source:" + source.topic());
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
    }

    public WatermarkStrategy<?> watermarkStrategy() {
        return watermarkStrategy;
    }

    public KafkaSource<?> source() {
        return source;
    }
}
