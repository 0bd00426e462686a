package io.rivulet.conformance;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarksWithIdleness;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.io.PushingAsyncDataInput;
import org.apache.flink.streaming.runtime.streamrecord.LatencyMarker;
import org.apache.flink.streaming.runtime.streamrecord.RecordAttributes;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.StatusWatermarkValve;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.util.clock.ManualClock;
import org.junit.jupiter.api.Test;

import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.internal.runtime.time.WatermarkTracker;

/**
 * Watermark strategies and the alignment of several inputs. A generator's script is events and periodic emits
 * with a driven clock; its outcome is every call it made, in order. The alignment's script is watermarks,
 * idleness and activity of three inputs, fed to Flink's {@code StatusWatermarkValve} and to the tracker a Rivulet
 * task combines its partitions with; its outcome is every watermark and idleness change passed on.
 */
class WatermarkConformanceTest {

    private static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(5);
    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(20);

    @Test
    void boundedOutOfOrderness() {
        generators(
                "bounded out-of-orderness",
                clock -> new BoundedOutOfOrdernessWatermarks<>(OUT_OF_ORDERNESS),
                clock -> WatermarkStrategy.<String>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                        .createGenerator(clock));
    }

    @Test
    void monotonousTimestamps() {
        generators(
                "monotonous timestamps",
                clock -> new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO),
                clock -> WatermarkStrategy.<String>forMonotonousTimestamps().createGenerator(clock));
    }

    @Test
    void idleness() {
        generators(
                "bounded out-of-orderness with idleness",
                clock -> new WatermarksWithIdleness<>(
                        new BoundedOutOfOrdernessWatermarks<>(OUT_OF_ORDERNESS), IDLE_TIMEOUT, clock),
                clock -> WatermarkStrategy.<String>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                        .withIdleness(IDLE_TIMEOUT)
                        .createGenerator(clock));
    }

    @Test
    void alignmentOfSeveralInputs() {
        Differential.check(
                "alignment of three inputs",
                WatermarkConformanceTest::inputScript,
                script -> {
                    Outcome.Builder outcome = Outcome.builder();
                    StatusWatermarkValve valve = new StatusWatermarkValve(3);
                    Passed passed = new Passed(outcome);
                    boolean[] idle = new boolean[3];
                    for (Step step : script.steps()) {
                        passed.step++;
                        if (step instanceof Step.InputWatermark watermark) {
                            // A watermark comes from an active input: one that was idle says so first, as a source
                            // does.
                            if (idle[watermark.input()]) {
                                idle[watermark.input()] = false;
                                valve.inputWatermarkStatus(WatermarkStatus.ACTIVE, watermark.input(), passed);
                            }
                            valve.inputWatermark(new Watermark(watermark.time()), watermark.input(), passed);
                        } else if (step instanceof Step.InputIdle input && !idle[input.input()]) {
                            idle[input.input()] = true;
                            valve.inputWatermarkStatus(WatermarkStatus.IDLE, input.input(), passed);
                        } else if (step instanceof Step.InputActive input && idle[input.input()]) {
                            idle[input.input()] = false;
                            valve.inputWatermarkStatus(WatermarkStatus.ACTIVE, input.input(), passed);
                        }
                    }
                    return outcome.build();
                },
                script -> {
                    Outcome.Builder outcome = Outcome.builder();
                    WatermarkTracker tracker = new WatermarkTracker(3);
                    int index = 0;
                    boolean idle = false;
                    for (Step step : script.steps()) {
                        index++;
                        boolean advanced = false;
                        if (step instanceof Step.InputWatermark watermark) {
                            advanced = tracker.update(watermark.input(), watermark.time());
                        } else if (step instanceof Step.InputIdle input) {
                            advanced = tracker.markIdle(input.input());
                        } else if (step instanceof Step.InputActive input) {
                            tracker.markActive(input.input());
                        }
                        if (tracker.allIdle() != idle) {
                            idle = tracker.allIdle();
                            outcome.add("passed", String.format("%03d %s", index, idle ? "idle" : "active"));
                        }
                        if (advanced) {
                            outcome.add("passed", String.format("%03d watermark %d", index, tracker.current()));
                        }
                    }
                    return outcome.build();
                });
    }

    /** Watermarks, idleness and activity of three inputs; an idle input turns active before its next watermark. */
    private static Script inputScript(long seed) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        long[] watermarks = {0, 0, 0};
        boolean[] idle = new boolean[3];
        for (int i = 0; i < 40; i++) {
            int input = random.nextInt(3);
            int dice = random.nextInt(10);
            if (dice < 6) {
                if (idle[input]) {
                    idle[input] = false;
                    steps.add(new Step.InputActive(input));
                }
                watermarks[input] += random.nextInt(8) - 2;
                steps.add(new Step.InputWatermark(input, watermarks[input]));
            } else if (dice < 8 && !idle[input]) {
                idle[input] = true;
                steps.add(new Step.InputIdle(input));
            } else if (idle[input]) {
                idle[input] = false;
                steps.add(new Step.InputActive(input));
            }
        }
        return new Script(steps);
    }

    private void generators(
            String scenario,
            Function<ManualClock, WatermarkGenerator<String>> flink,
            Function<InstantSource, io.rivulet.api.eventtime.WatermarkGenerator<String>> rivulet) {
        Differential.check(
                scenario,
                WatermarkConformanceTest::generatorScript,
                script -> {
                    ManualClock clock = new ManualClock();
                    WatermarkGenerator<String> generator = flink.apply(clock);
                    Outcome.Builder outcome = Outcome.builder();
                    int index = 0;
                    for (Step step : script.steps()) {
                        String at = String.format("%03d", ++index);
                        WatermarkOutput output = new WatermarkOutput() {
                            @Override
                            public void emitWatermark(org.apache.flink.api.common.eventtime.Watermark watermark) {
                                outcome.add("emitted", at + " watermark " + watermark.getTimestamp());
                            }

                            @Override
                            public void markIdle() {
                                outcome.add("emitted", at + " idle");
                            }

                            @Override
                            public void markActive() {
                                outcome.add("emitted", at + " active");
                            }
                        };
                        if (step instanceof Step.Element element) {
                            generator.onEvent(element.text(), element.timestamp(), output);
                        } else if (step instanceof Step.ProcessingTime time) {
                            clock.advanceTime(Duration.ofMillis(time.time() - clock.relativeTimeMillis()));
                            generator.onPeriodicEmit(output);
                        }
                    }
                    return outcome.build();
                },
                script -> {
                    AtomicLong now = new AtomicLong();
                    io.rivulet.api.eventtime.WatermarkGenerator<String> generator =
                            rivulet.apply(() -> Instant.ofEpochMilli(now.get()));
                    Outcome.Builder outcome = Outcome.builder();
                    int index = 0;
                    for (Step step : script.steps()) {
                        String at = String.format("%03d", ++index);
                        io.rivulet.api.eventtime.WatermarkOutput output =
                                new io.rivulet.api.eventtime.WatermarkOutput() {
                                    @Override
                                    public void emitWatermark(long watermark) {
                                        outcome.add("emitted", at + " watermark " + watermark);
                                    }

                                    @Override
                                    public void markIdle() {
                                        outcome.add("emitted", at + " idle");
                                    }

                                    @Override
                                    public void markActive() {
                                        outcome.add("emitted", at + " active");
                                    }
                                };
                        if (step instanceof Step.Element element) {
                            generator.onEvent(element.text(), element.timestamp(), output);
                        } else if (step instanceof Step.ProcessingTime time) {
                            now.set(time.time());
                            generator.onPeriodicEmit(output);
                        }
                    }
                    return outcome.build();
                });
    }

    /** Events out of order, and periodic emits at a clock that sometimes pauses and sometimes jumps past the timeout. */
    private static Script generatorScript(long seed) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        // Not from 0: Flink's idleness timer takes a relative time of 0 for "not started".
        long clock = 1_000;
        long eventTime = random.nextInt(100) - 50;
        for (int i = 0; i < 50; i++) {
            if (random.nextInt(3) == 0) {
                eventTime += random.nextInt(6);
                steps.add(new Step.Element(1, "a", 0, eventTime - random.nextInt(8)));
            } else {
                clock += random.nextInt(4) == 0 ? random.nextInt(50) : random.nextInt(6);
                steps.add(new Step.ProcessingTime(clock));
            }
        }
        return new Script(steps);
    }

    /** Records what Flink's valve passes on, numbered by the step that caused it. */
    private static final class Passed implements PushingAsyncDataInput.DataOutput<Object> {
        private final Outcome.Builder outcome;
        private int step;

        Passed(Outcome.Builder outcome) {
            this.outcome = outcome;
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            outcome.add("passed", String.format("%03d watermark %d", step, watermark.getTimestamp()));
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            outcome.add("passed", String.format("%03d %s", step, status.isIdle() ? "idle" : "active"));
        }

        @Override
        public void emitRecord(StreamRecord<Object> record) {}

        @Override
        public void emitLatencyMarker(LatencyMarker marker) {}

        @Override
        public void emitRecordAttributes(RecordAttributes attributes) {}

        @Override
        public void emitWatermark(org.apache.flink.runtime.event.WatermarkEvent event) {}
    }
}
