package io.rivulet.api.eventtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatermarkStrategyTest {

    /** Records what a generator emits. */
    static final class Recorder implements WatermarkOutput {
        final List<String> events = new ArrayList<>();

        @Override
        public void emitWatermark(long watermark) {
            events.add("wm " + watermark);
        }

        @Override
        public void markIdle() {
            events.add("idle");
        }

        @Override
        public void markActive() {
            events.add("active");
        }
    }

    @ParameterizedTest(name = "bound {0} ms, events {1} -> watermark {2}")
    @CsvSource({"0, 1000, 999", "2000, 1000, -1001", "2000, 5000;3000;7000, 4999", "500, 100;100, -401"})
    void boundedOutOfOrdernessEmitsMaxMinusBoundMinusOne(long bound, String events, long watermark) {
        WatermarkGenerator<String> generator = WatermarkStrategy.<String>forBoundedOutOfOrderness(
                        Duration.ofMillis(bound))
                .createGenerator(InstantSource.system());
        Recorder out = new Recorder();
        for (String ts : events.split(";")) {
            generator.onEvent("e", Long.parseLong(ts), out);
        }
        generator.onPeriodicEmit(out);
        assertThat(out.events).containsExactly("wm " + watermark);
    }

    @Test
    void beforeAnyEventTheWatermarkIsTheMinimumWithoutUnderflow() {
        Recorder out = new Recorder();
        WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofSeconds(4))
                .createGenerator(InstantSource.system())
                .onPeriodicEmit(out);
        assertThat(out.events).containsExactly("wm " + Long.MIN_VALUE);
    }

    @Test
    void monotonousTimestampsTrailByOneMillisecond() {
        Recorder out = new Recorder();
        WatermarkGenerator<String> generator =
                WatermarkStrategy.<String>forMonotonousTimestamps().createGenerator(InstantSource.system());
        generator.onEvent("e", 42, out);
        generator.onPeriodicEmit(out);
        assertThat(out.events).containsExactly("wm 41");
    }

    /**
     * Flink's timing: the idle timer starts at the first periodic emit without an element since the previous one,
     * and the input goes idle once more than the timeout has passed since then (not at the timeout after the last
     * element).
     */
    @Test
    void idlenessStartsAtTheFirstQuietEmitAndNeedsMoreThanTheTimeout() {
        AtomicLong now = new AtomicLong(0);
        InstantSource clock = () -> Instant.ofEpochMilli(now.get());
        WatermarkGenerator<String> generator = WatermarkStrategy.<String>forMonotonousTimestamps()
                .withIdleness(Duration.ofSeconds(10))
                .createGenerator(clock);
        Recorder out = new Recorder();
        generator.onEvent("e", 100, out);
        now.set(5_000);
        generator.onPeriodicEmit(out);
        now.set(6_000);
        generator.onPeriodicEmit(out);
        now.set(16_000);
        generator.onPeriodicEmit(out);
        now.set(16_001);
        generator.onPeriodicEmit(out);
        now.set(17_000);
        generator.onPeriodicEmit(out);
        now.set(17_500);
        generator.onEvent("e", 200, out);
        now.set(18_000);
        generator.onPeriodicEmit(out);
        assertThat(out.events)
                .as("an element at 0; the timer starts at the quiet emit at 6000; 16000 is exactly the timeout later")
                .containsExactly("wm 99", "wm 99", "wm 99", "idle", "wm 199");
    }

    @Test
    void anInputWithoutAnyElementGoesIdleByTheSameTiming() {
        AtomicLong now = new AtomicLong(1_000);
        InstantSource clock = () -> Instant.ofEpochMilli(now.get());
        WatermarkGenerator<String> generator = WatermarkStrategy.<String>forMonotonousTimestamps()
                .withIdleness(Duration.ofMillis(500))
                .createGenerator(clock);
        Recorder out = new Recorder();
        generator.onPeriodicEmit(out);
        now.set(1_500);
        generator.onPeriodicEmit(out);
        now.set(1_501);
        generator.onPeriodicEmit(out);
        assertThat(out.events).containsExactly("wm -9223372036854775808", "wm -9223372036854775808", "idle");
    }

    @Test
    void theTimestampAssignerDefaultsToTheRecordTimestamp() {
        WatermarkStrategy<String> strategy = WatermarkStrategy.forMonotonousTimestamps();
        assertThat(strategy.timestampAssigner().extractTimestamp("e", 77)).isEqualTo(77);
        assertThat(strategy.withTimestampAssigner((e, ts) -> Long.parseLong(e))
                        .timestampAssigner()
                        .extractTimestamp("12", 77))
                .isEqualTo(12);
    }

    @Test
    void noWatermarksNeverAdvances() {
        Recorder out = new Recorder();
        WatermarkGenerator<String> generator =
                WatermarkStrategy.<String>noWatermarks().createGenerator(InstantSource.system());
        generator.onEvent("e", 5, out);
        generator.onPeriodicEmit(out);
        assertThat(out.events).isEmpty();
    }
}
