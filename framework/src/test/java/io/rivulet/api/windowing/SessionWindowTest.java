package io.rivulet.api.windowing;

import static io.rivulet.api.windowing.WindowHarnesses.longs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.WindowHarnesses.Describe;
import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;
import io.rivulet.api.windowing.triggers.CountTrigger;
import io.rivulet.api.windowing.triggers.PurgingTrigger;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.testfunctions.CountElements;

/** Session windows: merging contents, trigger state and timers, and lateness of merged sessions. */
class SessionWindowTest {

    private static final OutputTag<Long> LATE = new OutputTag<>("late");

    private static EventTimeSessionWindows<Long> gap(long millis) {
        return EventTimeSessionWindows.withGap(Duration.ofMillis(millis));
    }

    @Test
    void elementsWithinTheGapFormOneSessionEndingGapAfterTheLastElement() throws Exception {
        try (var harness = longs(keyed ->
                keyed.window(gap(10)).aggregate(new CountElements<Long>(), Serdes.longs(), new Describe<>()))) {
            harness.processElement(1L, 0);
            harness.processElement(2L, 20);
            harness.processElement(3L, 5);
            // 12 bridges [0,15) and [20,30): the three windows merge into [0,30).
            harness.processElement(4L, 12);
            harness.processElement(5L, 50);
            harness.processWatermark(28);
            assertThat(harness.output()).isEmpty();
            harness.processWatermark(29);
            assertThat(harness.output()).containsExactly("k TimeWindow{start=0, end=30} -> 4");
            harness.processWatermark(59);
            assertThat(harness.output()).endsWith("k TimeWindow{start=50, end=60} -> 1");
        }
    }

    @Test
    void aLateClickThatReachesAnOpenSessionExtendsItAndOneThatReachesNothingIsSideOutput() throws Exception {
        try (var harness =
                longs(keyed -> keyed.window(gap(10)).sideOutputLateData(LATE).process(new Describe<>()))) {
            harness.processElement(100L, 100);
            harness.processWatermark(105);
            // Late (95 <= 105) but [95,105) touches the open session [100,110): accepted, the session grows.
            harness.processElement(95L, 95);
            // Late and its window [50,60) is long over.
            harness.processElement(50L, 50);
            harness.processWatermark(109);
            assertThat(harness.output()).containsExactly("k TimeWindow{start=95, end=110} -> 100,95");
            assertThat(harness.sideOutput(LATE)).containsExactly(50L);
        }
    }

    @Test
    void aLateElementWithinTheAllowedLatenessReFiresTheMergedSession() throws Exception {
        try (var harness = longs(keyed -> keyed.window(gap(10))
                .allowedLateness(Duration.ofMillis(20))
                .sideOutputLateData(LATE)
                .aggregate(new CountElements<Long>(), Serdes.longs(), new Describe<>()))) {
            harness.processElement(1L, 0);
            harness.processWatermark(9);
            assertThat(harness.output()).containsExactly("k TimeWindow{start=0, end=10} -> 1");
            // Late (3 <= 9) but within the lateness: the session grows to [0,13) and fires again at its new end.
            harness.processElement(2L, 3);
            harness.processWatermark(12);
            assertThat(harness.output())
                    .containsExactly("k TimeWindow{start=0, end=10} -> 1", "k TimeWindow{start=0, end=13} -> 2");
            // [0,13) is dropped at 12 + 20; a click at 4 opens [4,14), dropped at 33 already.
            harness.processWatermark(33);
            harness.processElement(3L, 4);
            assertThat(harness.sideOutput(LATE)).containsExactly(3L);
        }
    }

    @Test
    void countTriggerStateIsMergedWithTheSessions() throws Exception {
        try (var harness = longs(keyed -> keyed.window(gap(20))
                .trigger(PurgingTrigger.of(CountTrigger.<TimeWindow>of(3)))
                .process(new Describe<>()))) {
            harness.processElement(1L, 0);
            harness.processElement(2L, 30);
            assertThat(harness.output()).isEmpty();
            // [15,35) joins [0,20) and [30,50): their counts (1 + 1) merge, and this third element fires.
            harness.processElement(3L, 15);
            assertThat(harness.output()).containsExactly("k TimeWindow{start=0, end=50} -> 1,2,3");
        }
    }

    @Test
    void dynamicGapsComeFromTheElements() throws Exception {
        try (var harness = longs(keyed -> keyed.window(EventTimeSessionWindows.<Long>withDynamicGap(value -> value))
                .process(new Describe<>()))) {
            harness.processElement(5L, 0);
            harness.processElement(20L, 8);
            harness.processElement(10L, 40);
            harness.processElement(30L, 45);
            harness.processWatermark(100);
            assertThat(harness.output())
                    .containsExactly(
                            "k TimeWindow{start=0, end=5} -> 5",
                            "k TimeWindow{start=8, end=28} -> 20",
                            "k TimeWindow{start=40, end=75} -> 10,30");
        }
    }

    @Test
    void sessionsOfDifferentKeysDoNotMerge() throws Exception {
        try (var harness = longs(keyed ->
                keyed.window(gap(10)).aggregate(new CountElements<Long>(), Serdes.longs(), new Describe<>()))) {
            harness.processElement("a", 1L, 0);
            harness.processElement("b", 1L, 5);
            harness.processWatermark(100);
            assertThat(harness.output())
                    .containsExactly("a TimeWindow{start=0, end=10} -> 1", "b TimeWindow{start=5, end=15} -> 1");
        }
    }
}
