package io.rivulet.internal.runtime;

import java.time.InstantSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.rivulet.api.KafkaSource;
import io.rivulet.api.eventtime.TimestampAssigner;
import io.rivulet.api.eventtime.WatermarkGenerator;
import io.rivulet.api.eventtime.WatermarkOutput;
import io.rivulet.api.eventtime.WatermarkStrategy;

/** Reads a user topic through the source's decoder and stamps each element with its event time. */
final class TopicSourceNode extends SourceNode {

    private final KafkaSource.RecordDecoder<?> decoder;
    private final TimestampAssigner<Object> timestampAssigner;
    private final WatermarkGenerator<Object> watermarks;
    private final WatermarkOutput watermarkOutput;
    private final boolean ingestionTime;

    @SuppressWarnings("unchecked")
    TopicSourceNode(String name, KafkaSource<?> source, WatermarkStrategy<?> strategy, WatermarkOutput watermarkOutput,
            InstantSource clock) {
        super(name);
        this.decoder = source.decoder();
        this.timestampAssigner = (TimestampAssigner<Object>) strategy.timestampAssigner();
        this.ingestionTime = strategy.usesIngestionTime();
        this.watermarks = (WatermarkGenerator<Object>) strategy.createGenerator(clock);
        this.watermarkOutput = watermarkOutput;
    }

    @Override
    Object decode(ConsumerRecord<byte[], byte[]> record, TaskContext context) {
        Object element = decoder.decode(record.key(), record.value());
        long eventTime = ingestionTime ? context.currentProcessingTime()
                : timestampAssigner.extractTimestamp(element, record.timestamp());
        context.timestamp(eventTime);
        watermarks.onEvent(element, eventTime, watermarkOutput);
        return element;
    }

    @Override
    void emitPeriodicWatermark() {
        watermarks.onPeriodicEmit(watermarkOutput);
    }
}
