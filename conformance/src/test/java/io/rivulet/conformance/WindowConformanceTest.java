package io.rivulet.conformance;

import static java.time.Duration.ofMillis;

import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;
import io.rivulet.api.windowing.assigners.GlobalWindows;
import io.rivulet.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.rivulet.api.windowing.assigners.SlidingEventTimeWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.rivulet.api.windowing.assigners.WindowStagger;
import io.rivulet.api.windowing.evictors.CountEvictor;
import io.rivulet.api.windowing.evictors.DeltaEvictor;
import io.rivulet.api.windowing.evictors.TimeEvictor;
import io.rivulet.api.windowing.triggers.CountTrigger;
import io.rivulet.api.windowing.triggers.ProcessingTimeTrigger;
import io.rivulet.api.windowing.triggers.PurgingTrigger;
import io.rivulet.api.windowing.windows.GlobalWindow;
import io.rivulet.api.windowing.windows.TimeWindow;

/**
 * Windows, Flink's and Rivulet's, on the same random scripts: assigners, merging, allowed lateness with re-firing
 * and late side outputs, triggers and evictors. Each window firing is described by {@link FlinkFunctions.Describe}
 * (key, window, elements in order, per-window fire count, watermark), so a difference in any of them shows.
 */
class WindowConformanceTest {

    private static final String LATE = "late";
    private static final OutputTag<String> FLINK_LATE = new OutputTag<>(LATE, Types.STRING);
    private static final io.rivulet.api.functions.OutputTag<String> RIVULET_LATE =
            new io.rivulet.api.functions.OutputTag<>(LATE);

    private static final ScriptGenerator SCRIPTS = ScriptGenerator.oneInput();

    @Test
    void tumbling() {
        Differential.check(
                "tumbling",
                SCRIPTS,
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                                                ofMillis(10)))
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(TumblingEventTimeWindows.of(ofMillis(10)))
                                .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                        List.of()));
    }

    @Test
    void tumblingWithOffsetsAndReduce() {
        for (long offset : new long[] {3, -4}) {
            Differential.check(
                    "tumbling, offset " + offset,
                    SCRIPTS,
                    FlinkSide.oneInput(
                            keyed -> keyed.window(
                                            org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows
                                                    .of(ofMillis(10), ofMillis(offset)))
                                    .reduce(FlinkFunctions.SUM),
                            List.of()),
                    RivuletSide.oneInput(
                            keyed -> keyed.window(TumblingEventTimeWindows.of(ofMillis(10), ofMillis(offset)))
                                    .reduce(RivuletFunctions.SUM),
                            List.of()));
        }
    }

    @Test
    void slidingWithOffset() {
        Differential.check(
                "sliding",
                SCRIPTS,
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows.of(
                                                ofMillis(15), ofMillis(5), ofMillis(2)))
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(SlidingEventTimeWindows.of(ofMillis(15), ofMillis(5), ofMillis(2)))
                                .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                        List.of()));
    }

    @Test
    void sessionsWithAFixedGap() {
        Differential.check(
                "session, fixed gap",
                SCRIPTS,
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows
                                                .withGap(ofMillis(5)))
                                .process(new FlinkFunctions.Describe<>(true)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(EventTimeSessionWindows.<String>withGap(ofMillis(5)))
                                .process(new RivuletFunctions.Describe<TimeWindow>(true)),
                        List.of()));
    }

    @Test
    void sessionsWithADynamicGap() {
        Differential.check(
                "session, dynamic gap",
                SCRIPTS.withUniqueTimestamps(),
                FlinkSide.oneInput(
                        keyed -> keyed.window(org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows
                                        .<String>withDynamicGap(element -> 1 + Elements.value(element)))
                                .process(new FlinkFunctions.Describe<>(true)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(EventTimeSessionWindows.<String>withDynamicGap(
                                        element -> 1 + Elements.value(element)))
                                .process(new RivuletFunctions.Describe<TimeWindow>(true)),
                        List.of()));
    }

    @Test
    void allowedLatenessRefiresAndSendsTheRestToTheLateOutput() {
        Differential.check(
                "tumbling, allowed lateness",
                SCRIPTS,
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                                                ofMillis(10)))
                                .allowedLateness(ofMillis(7))
                                .sideOutputLateData(FLINK_LATE)
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of(LATE)),
                RivuletSide.oneInput(
                        keyed -> keyed.window(TumblingEventTimeWindows.of(ofMillis(10)))
                                .allowedLateness(ofMillis(7))
                                .sideOutputLateData(RIVULET_LATE)
                                .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                        List.of(LATE)));
    }

    @Test
    void slidingWindowsWithLateness() {
        Differential.check(
                "sliding, allowed lateness",
                SCRIPTS,
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows.of(
                                                ofMillis(12), ofMillis(4)))
                                .allowedLateness(ofMillis(4))
                                .sideOutputLateData(FLINK_LATE)
                                .reduce(FlinkFunctions.SUM),
                        List.of(LATE)),
                RivuletSide.oneInput(
                        keyed -> keyed.window(SlidingEventTimeWindows.of(ofMillis(12), ofMillis(4)))
                                .allowedLateness(ofMillis(4))
                                .sideOutputLateData(RIVULET_LATE)
                                .reduce(RivuletFunctions.SUM),
                        List.of(LATE)));
    }

    /** Late elements within the allowed lateness re-fire sessions and may bridge two of them into one. */
    @Test
    void lateElementsBridgeSessions() {
        Differential.check(
                "session, allowed lateness",
                SCRIPTS,
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows
                                                .withGap(ofMillis(4)))
                                .allowedLateness(ofMillis(6))
                                .sideOutputLateData(FLINK_LATE)
                                .process(new FlinkFunctions.Describe<>(true)),
                        List.of(LATE)),
                RivuletSide.oneInput(
                        keyed -> keyed.window(EventTimeSessionWindows.<String>withGap(ofMillis(4)))
                                .allowedLateness(ofMillis(6))
                                .sideOutputLateData(RIVULET_LATE)
                                .process(new RivuletFunctions.Describe<TimeWindow>(true)),
                        List.of(LATE)));
    }

    @Test
    void countTriggerOnTumblingWindows() {
        Differential.check(
                "tumbling, count trigger",
                SCRIPTS,
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                                                ofMillis(20)))
                                .trigger(org.apache.flink.streaming.api.windowing.triggers.CountTrigger.of(3))
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(TumblingEventTimeWindows.of(ofMillis(20)))
                                .trigger(CountTrigger.of(3))
                                .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                        List.of()));
    }

    @Test
    void purgingCountTriggerOnGlobalWindows() {
        Differential.check(
                "global, purging count trigger",
                SCRIPTS,
                FlinkSide.oneInput(
                        keyed -> keyed.window(org.apache.flink.streaming.api.windowing.assigners.GlobalWindows.create())
                                .trigger(org.apache.flink.streaming.api.windowing.triggers.PurgingTrigger.of(
                                        org.apache.flink.streaming.api.windowing.triggers.CountTrigger.of(3)))
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(GlobalWindows.create())
                                .trigger(PurgingTrigger.of(CountTrigger.<GlobalWindow>of(3)))
                                .process(new RivuletFunctions.Describe<GlobalWindow>(false)),
                        List.of()));
    }

    /** Event-time windows fired by processing time: the trigger's timers and the window's cleanup differ in domain. */
    @Test
    void processingTimeTriggerOnEventTimeWindows() {
        Differential.check(
                "tumbling, processing-time trigger",
                SCRIPTS.withProcessingTime(),
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                                                ofMillis(10)))
                                .trigger(
                                        org.apache.flink.streaming.api.windowing.triggers.ProcessingTimeTrigger
                                                .create())
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(TumblingEventTimeWindows.of(ofMillis(10)))
                                .trigger(ProcessingTimeTrigger.create())
                                .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                        List.of()));
    }

    @Test
    void processingTimeWindows() {
        Differential.check(
                "tumbling processing-time windows",
                SCRIPTS.withProcessingTime(),
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows
                                                .of(ofMillis(10)))
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(TumblingProcessingTimeWindows.of(ofMillis(10)))
                                .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                        List.of()));
        Differential.check(
                "processing-time sessions",
                SCRIPTS.withProcessingTime(),
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.ProcessingTimeSessionWindows
                                                .withGap(ofMillis(8)))
                                .process(new FlinkFunctions.Describe<>(true)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(ProcessingTimeSessionWindows.<String>withGap(ofMillis(8)))
                                .process(new RivuletFunctions.Describe<TimeWindow>(true)),
                        List.of()));
    }

    /** Staggered processing-time windows; RANDOM draws differently by design (see the README), so not here. */
    @Test
    void staggeredProcessingTimeWindows() {
        Differential.check(
                "tumbling processing-time windows, natural stagger",
                SCRIPTS.withProcessingTime(),
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows
                                                .of(
                                                        ofMillis(10),
                                                        ofMillis(3),
                                                        org.apache.flink.streaming.api.windowing.assigners.WindowStagger
                                                                .NATURAL))
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(TumblingProcessingTimeWindows.of(
                                        ofMillis(10), ofMillis(3), WindowStagger.NATURAL))
                                .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                        List.of()));
        Differential.check(
                "tumbling processing-time windows, aligned stagger",
                SCRIPTS.withProcessingTime(),
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows
                                                .of(
                                                        ofMillis(10),
                                                        ofMillis(3),
                                                        org.apache.flink.streaming.api.windowing.assigners.WindowStagger
                                                                .ALIGNED))
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(TumblingProcessingTimeWindows.of(
                                        ofMillis(10), ofMillis(3), WindowStagger.ALIGNED))
                                .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                        List.of()));
    }

    @Test
    void evictorsBeforeAndAfterTheFunction() {
        for (boolean after : new boolean[] {false, true}) {
            Differential.check(
                    "count evictor, after=" + after,
                    SCRIPTS,
                    FlinkSide.oneInput(
                            keyed -> keyed.window(
                                            org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows
                                                    .of(ofMillis(20)))
                                    .trigger(org.apache.flink.streaming.api.windowing.triggers.CountTrigger.of(2))
                                    .evictor(
                                            org.apache.flink.streaming.api.windowing.evictors.CountEvictor.of(2, after))
                                    .process(new FlinkFunctions.Describe<>(false)),
                            List.of()),
                    RivuletSide.oneInput(
                            keyed -> keyed.window(TumblingEventTimeWindows.of(ofMillis(20)))
                                    .trigger(CountTrigger.of(2))
                                    .evictor(CountEvictor.of(2, after))
                                    .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                            List.of()));
            Differential.check(
                    "time evictor, after=" + after,
                    SCRIPTS,
                    FlinkSide.oneInput(
                            keyed -> keyed.window(
                                            org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows
                                                    .of(ofMillis(20)))
                                    .allowedLateness(ofMillis(5))
                                    .evictor(org.apache.flink.streaming.api.windowing.evictors.TimeEvictor.of(
                                            ofMillis(6), after))
                                    .process(new FlinkFunctions.Describe<>(false)),
                            List.of()),
                    RivuletSide.oneInput(
                            keyed -> keyed.window(TumblingEventTimeWindows.of(ofMillis(20)))
                                    .allowedLateness(ofMillis(5))
                                    .evictor(TimeEvictor.of(ofMillis(6), after))
                                    .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                            List.of()));
            Differential.check(
                    "delta evictor, after=" + after,
                    SCRIPTS,
                    FlinkSide.oneInput(
                            keyed -> keyed.window(
                                            org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows
                                                    .of(ofMillis(20)))
                                    .trigger(org.apache.flink.streaming.api.windowing.triggers.CountTrigger.of(3))
                                    .evictor(org.apache.flink.streaming.api.windowing.evictors.DeltaEvictor.of(
                                            4, FlinkFunctions.DELTA, after))
                                    .process(new FlinkFunctions.Describe<>(false)),
                            List.of()),
                    RivuletSide.oneInput(
                            keyed -> keyed.window(TumblingEventTimeWindows.of(ofMillis(20)))
                                    .trigger(CountTrigger.of(3))
                                    .evictor(DeltaEvictor.of(4, RivuletFunctions.DELTA, after))
                                    .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                            List.of()));
        }
    }
}
