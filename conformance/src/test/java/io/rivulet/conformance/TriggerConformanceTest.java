package io.rivulet.conformance;

import static java.time.Duration.ofMillis;

import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;
import io.rivulet.api.windowing.assigners.GlobalWindows;
import io.rivulet.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.rivulet.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.rivulet.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.rivulet.api.windowing.triggers.CountTrigger;
import io.rivulet.api.windowing.triggers.DeltaTrigger;
import io.rivulet.api.windowing.triggers.ProcessingTimeoutTrigger;
import io.rivulet.api.windowing.triggers.PurgingTrigger;
import io.rivulet.api.windowing.windows.GlobalWindow;
import io.rivulet.api.windowing.windows.TimeWindow;

/** The triggers beyond the assigners' defaults: continuous (both domains, merging too), delta, timeout. */
class TriggerConformanceTest {

    private static final String LATE = "late";
    private static final ScriptGenerator SCRIPTS = ScriptGenerator.oneInput();

    @Test
    void continuousEventTimeOnTumblingWindowsWithLateness() {
        Differential.check(
                "continuous event-time trigger, tumbling",
                SCRIPTS,
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                                                ofMillis(20)))
                                .allowedLateness(ofMillis(5))
                                .sideOutputLateData(new OutputTag<>(LATE, Types.STRING))
                                .trigger(
                                        org.apache.flink.streaming.api.windowing.triggers.ContinuousEventTimeTrigger.of(
                                                ofMillis(7)))
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of(LATE)),
                RivuletSide.oneInput(
                        keyed -> keyed.window(TumblingEventTimeWindows.of(ofMillis(20)))
                                .allowedLateness(ofMillis(5))
                                .sideOutputLateData(new io.rivulet.api.functions.OutputTag<>(LATE))
                                .trigger(ContinuousEventTimeTrigger.of(ofMillis(7)))
                                .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                        List.of(LATE)));
    }

    @Test
    void continuousEventTimeOnSessions() {
        Differential.check(
                "continuous event-time trigger, sessions",
                SCRIPTS,
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows
                                                .withGap(ofMillis(5)))
                                .trigger(
                                        org.apache.flink.streaming.api.windowing.triggers.ContinuousEventTimeTrigger.of(
                                                ofMillis(4)))
                                .process(new FlinkFunctions.Describe<>(true)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(EventTimeSessionWindows.<String>withGap(ofMillis(5)))
                                .trigger(ContinuousEventTimeTrigger.of(ofMillis(4)))
                                .process(new RivuletFunctions.Describe<TimeWindow>(true)),
                        List.of()));
    }

    @Test
    void continuousProcessingTime() {
        Differential.check(
                "continuous processing-time trigger, tumbling processing-time windows",
                SCRIPTS.withProcessingTime(),
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows
                                                .of(ofMillis(20)))
                                .trigger(
                                        org.apache.flink.streaming.api.windowing.triggers
                                                .ContinuousProcessingTimeTrigger.of(ofMillis(7)))
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(TumblingProcessingTimeWindows.of(ofMillis(20)))
                                .trigger(ContinuousProcessingTimeTrigger.of(ofMillis(7)))
                                .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                        List.of()));
        Differential.check(
                "continuous processing-time trigger, processing-time sessions",
                SCRIPTS.withProcessingTime(),
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.ProcessingTimeSessionWindows
                                                .withGap(ofMillis(8)))
                                .trigger(
                                        org.apache.flink.streaming.api.windowing.triggers
                                                .ContinuousProcessingTimeTrigger.of(ofMillis(5)))
                                .process(new FlinkFunctions.Describe<>(true)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(ProcessingTimeSessionWindows.<String>withGap(ofMillis(8)))
                                .trigger(ContinuousProcessingTimeTrigger.of(ofMillis(5)))
                                .process(new RivuletFunctions.Describe<TimeWindow>(true)),
                        List.of()));
    }

    @Test
    void delta() {
        Differential.check(
                "delta trigger, tumbling",
                SCRIPTS,
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                                                ofMillis(30)))
                                .trigger(org.apache.flink.streaming.api.windowing.triggers.DeltaTrigger.of(
                                        4, FlinkFunctions.DELTA, StringSerializer.INSTANCE))
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(TumblingEventTimeWindows.of(ofMillis(30)))
                                .trigger(DeltaTrigger.of(4, RivuletFunctions.DELTA, Serdes.string()))
                                .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                        List.of()));
        Differential.check(
                "purging delta trigger, global",
                SCRIPTS,
                FlinkSide.oneInput(
                        keyed -> keyed.window(org.apache.flink.streaming.api.windowing.assigners.GlobalWindows.create())
                                .trigger(org.apache.flink.streaming.api.windowing.triggers.PurgingTrigger.of(
                                        org.apache.flink.streaming.api.windowing.triggers.DeltaTrigger.of(
                                                3, FlinkFunctions.DELTA, StringSerializer.INSTANCE)))
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(GlobalWindows.create())
                                .trigger(PurgingTrigger.of(DeltaTrigger.<String, GlobalWindow>of(
                                        3, RivuletFunctions.DELTA, Serdes.string())))
                                .process(new RivuletFunctions.Describe<GlobalWindow>(false)),
                        List.of()));
    }

    @ParameterizedTest(name = "reset on new record {0}, clear on timeout {1}")
    @CsvSource({"false, true", "true, true", "false, false", "true, false"})
    void processingTimeout(boolean resetTimerOnNewRecord, boolean shouldClearOnTimeout) {
        Differential.check(
                "processing timeout trigger " + resetTimerOnNewRecord + " " + shouldClearOnTimeout,
                SCRIPTS.withProcessingTime(),
                FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                                                ofMillis(20)))
                                .trigger(org.apache.flink.streaming.api.windowing.triggers.ProcessingTimeoutTrigger.of(
                                        org.apache.flink.streaming.api.windowing.triggers.CountTrigger.of(3),
                                        ofMillis(10),
                                        resetTimerOnNewRecord,
                                        shouldClearOnTimeout))
                                .process(new FlinkFunctions.Describe<>(false)),
                        List.of()),
                RivuletSide.oneInput(
                        keyed -> keyed.window(TumblingEventTimeWindows.of(ofMillis(20)))
                                .trigger(ProcessingTimeoutTrigger.of(
                                        CountTrigger.<TimeWindow>of(3),
                                        ofMillis(10),
                                        resetTimerOnNewRecord,
                                        shouldClearOnTimeout))
                                .process(new RivuletFunctions.Describe<TimeWindow>(false)),
                        List.of()));
    }
}
