package io.rivulet.internal.runtime.node;

import java.time.InstantSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.rivulet.api.eventtime.TimestampAssigner;
import io.rivulet.api.eventtime.WatermarkGenerator;
import io.rivulet.api.eventtime.WatermarkOutput;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.kafka.KafkaSource;

/** Reads a user topic through the source's decoder and stamps each element with its event time. */
public final class TopicSourceNode extends SourceNode {

    private final KafkaSource.RecordDecoder<?> decoder;
    private final TimestampAssigner<Object> timestampAssigner;
    private final WatermarkGenerator<Object> watermarks;
    private final WatermarkOutput watermarkOutput;
    private final boolean ingestionTime;
    private final InstantSource clock;

    @SuppressWarnings("unchecked")
    public TopicSourceNode(
            String name,
            KafkaSource<?> source,
            WatermarkStrategy<?> strategy,
            WatermarkOutput watermarkOutput,
            InstantSource clock) {
        super(name);
        this.decoder = source.decoder();
        this.timestampAssigner = (TimestampAssigner<Object>) strategy.timestampAssigner();
        this.ingestionTime = strategy.usesIngestionTime();
        this.watermarks = (WatermarkGenerator<Object>) strategy.createGenerator(clock);
        this.watermarkOutput = watermarkOutput;
        this.clock = clock;
    }

    @Override
    public StreamRecord decode(ConsumerRecord<byte[], byte[]> record) {
        Object element = decoder.decode(record.key(), record.value());
        long eventTime =
                ingestionTime ? clock.millis() : timestampAssigner.extractTimestamp(element, record.timestamp());
        watermarks.onEvent(element, eventTime, watermarkOutput);
        return StreamRecord.unkeyed(element, eventTime);
    }

    @Override
    public void emitPeriodicWatermark() {
        watermarks.onPeriodicEmit(watermarkOutput);
    }
}
