package io.rivulet.internal.runtime.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.rivulet.api.eventtime.WatermarkOutput;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.internal.runtime.time.WatermarkTracker;

/** Ingestion time: event time is the reading task's processing-time clock, and the watermark follows it. */
class IngestionTimeTest {

    private final WatermarkTracker tracker = new WatermarkTracker(1);
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(long watermark) {
            tracker.update(0, watermark);
        }

        @Override
        public void markIdle() {
            tracker.markIdle(0);
        }

        @Override
        public void markActive() {
            tracker.markActive(0);
        }
    };

    @Test
    void elementsTakeTheClockAsEventTimeAndTheWatermarkFollowsIt() {
        InstantSource clock = InstantSource.fixed(Instant.ofEpochMilli(5_000));
        TopicSourceNode source = new TopicSourceNode(
                "clicks",
                KafkaSource.values("clicks", Serdes.string()),
                WatermarkStrategy.forIngestionTime(),
                output,
                clock);
        StreamRecord record = source.decode(
                new ConsumerRecord<byte[], byte[]>("clicks", 0, 0, null, "x".getBytes(StandardCharsets.UTF_8)));
        source.emitPeriodicWatermark();
        assertThat(record.timestamp()).isEqualTo(5_000);
        assertThat(tracker.current()).isEqualTo(4_999);
    }

    @Test
    void aTimestampAssignerCannotBeCombinedWithIngestionTime() {
        assertThatThrownBy(() -> WatermarkStrategy.<String>forIngestionTime().withTimestampAssigner((e, ts) -> 0L))
                .isInstanceOf(IllegalStateException.class);
    }
}
