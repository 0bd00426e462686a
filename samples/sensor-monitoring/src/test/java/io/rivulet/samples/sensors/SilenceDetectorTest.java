package io.rivulet.samples.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.Serdes;
import io.rivulet.samples.sensors.SensorOutputs.Silent;
import io.rivulet.testing.KeyedOperatorHarness;

/** Silence by event-time timers, driven by hand. */
class SilenceDetectorTest {

    private static final long MINUTE = 60_000;

    @Test
    void fiveMinutesWithoutAReadingReportTheLastOneOnceWhateverTheWatermarkTiming() throws Exception {
        try (var harness = KeyedOperatorHarness.of(
                Reading::sensor, Serdes.string(), Reading.SERDE, readings -> readings.process(new SilenceDetector()))) {
            harness.processElement(new Reading("s1", 1, 0), 0);
            harness.processElement(new Reading("s1", 1, 4 * MINUTE), 4 * MINUTE);
            harness.processElement(new Reading("s2", 1, 0), 0);
            // s2's next reading comes after the silence, before the watermark got there: reported on arrival.
            harness.processElement(new Reading("s2", 1, 6 * MINUTE), 6 * MINUTE);
            harness.processWatermark(9 * MINUTE - 1);
            assertThat(harness.output()).extracting(KeyValue::value).containsExactly(new Silent("s2", 0));
            harness.processWatermark(11 * MINUTE);
            assertThat(harness.output())
                    .extracting(KeyValue::value)
                    .containsExactly(new Silent("s2", 0), new Silent("s1", 4 * MINUTE), new Silent("s2", 6 * MINUTE));
        }
    }
}
