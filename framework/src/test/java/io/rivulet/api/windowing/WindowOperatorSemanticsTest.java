package io.rivulet.api.windowing;

import static io.rivulet.api.windowing.WindowHarnesses.longs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.windowing.WindowHarnesses.Describe;
import io.rivulet.api.windowing.assigners.GlobalWindows;
import io.rivulet.api.windowing.assigners.SlidingEventTimeWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.evictors.TimestampedValue;
import io.rivulet.api.windowing.triggers.CountTrigger;
import io.rivulet.api.windowing.windows.GlobalWindow;

/** The window operator's contract, as Flink's: firing, results' timestamps, lateness, cleanup. */
class WindowOperatorSemanticsTest {

    private static final OutputTag<Long> LATE = new OutputTag<>("late");

    private static TumblingEventTimeWindows tumbling(long size) {
        return TumblingEventTimeWindows.of(Duration.ofMillis(size));
    }

    @Test
    void aWindowIsStartInclusiveEndExclusiveAndItsResultIsStampedEndMinusOne() throws Exception {
        try (var harness = longs(keyed -> keyed.window(tumbling(10)).reduce(Long::sum))) {
            harness.processElement(1L, 0);
            harness.processElement(2L, 9);
            harness.processElement(4L, 10);
            harness.processWatermark(8);
            assertThat(harness.output()).isEmpty();
            harness.processWatermark(9);
            assertThat(harness.outputWithTimestamps()).containsExactly(new TimestampedValue<>(3L, 9));
            harness.processWatermark(19);
            assertThat(harness.outputWithTimestamps())
                    .containsExactly(new TimestampedValue<>(3L, 9), new TimestampedValue<>(4L, 19));
        }
    }

    @ParameterizedTest(name = "lateness={0} watermark={1} ts={2}: late={3}, to the side output={4}")
    @CsvSource({
        "0, 9, 9, true, true",
        "0, 9, 10, false, false",
        "0, 19, 12, true, true",
        "5, 9, 5, false, false",
        "5, 14, 9, true, true",
        "5, 13, 8, true, false",
        "5, 24, 15, true, true",
        "5, 20, 16, false, false",
    })
    void aRecordIsLateIffTsPlusAllowedLatenessIsAtMostTheWatermark(
            long lateness, long watermark, long ts, boolean late, boolean toSideOutput) throws Exception {
        assertThat(ts + lateness <= watermark).isEqualTo(late);
        try (var harness = longs(keyed -> keyed.window(tumbling(10))
                .allowedLateness(Duration.ofMillis(lateness))
                .sideOutputLateData(LATE)
                .reduce(Long::sum))) {
            harness.processWatermark(watermark);
            harness.processElement(ts, ts);
            harness.processWatermark(1_000);
            // A late record whose window is still kept (maxTimestamp + lateness > watermark) updates it instead.
            assertThat(harness.sideOutput(LATE)).isEqualTo(toSideOutput ? List.of(ts) : List.of());
            assertThat(harness.output()).isEqualTo(toSideOutput ? List.of() : List.of(ts));
        }
    }

    @Test
    void aLateRecordGoesToTheSideOutputOnlyIfNoneOfItsWindowsAcceptedIt() throws Exception {
        try (var harness =
                longs(keyed -> keyed.window(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)))
                        .sideOutputLateData(LATE)
                        .process(new Describe<>()))) {
            harness.processWatermark(9);
            // 7 belongs to [0,10), which is done, and to [5,15), which still accepts it.
            harness.processElement(7L, 7);
            harness.processElement(3L, 3);
            assertThat(harness.sideOutput(LATE)).containsExactly(3L);
            harness.processWatermark(14);
            assertThat(harness.output()).containsExactly("k TimeWindow{start=5, end=15} -> 7");
        }
    }

    @Test
    void aLateRecordWithinTheAllowedLatenessReFiresItsWindowUntilTheStateIsDropped() throws Exception {
        try (var harness = longs(keyed -> keyed.window(tumbling(10))
                .allowedLateness(Duration.ofMillis(5))
                .sideOutputLateData(LATE)
                .reduce(Long::sum))) {
            harness.processElement(1L, 1);
            harness.processWatermark(9);
            assertThat(harness.output()).containsExactly(1L);
            harness.processElement(2L, 2);
            assertThat(harness.outputWithTimestamps())
                    .containsExactly(new TimestampedValue<>(1L, 9), new TimestampedValue<>(3L, 9));
            harness.processWatermark(13);
            harness.processElement(4L, 3);
            assertThat(harness.output()).containsExactly(1L, 3L, 7L);
            // The state of [0,10) is dropped at maxTimestamp 9 + lateness 5 = 14.
            harness.processWatermark(14);
            harness.processElement(8L, 8);
            assertThat(harness.output()).containsExactly(1L, 3L, 7L);
            assertThat(harness.sideOutput(LATE)).containsExactly(8L);
        }
    }

    @Test
    void aCountTriggerFiresEveryNElementsAndKeepsTheContents() throws Exception {
        try (var harness = longs(keyed ->
                keyed.window(GlobalWindows.create()).trigger(CountTrigger.of(2)).reduce(Long::sum))) {
            harness.processElement(1L, 0);
            harness.processElement(2L, 0);
            harness.processElement(3L, 0);
            harness.processElement(4L, 0);
            assertThat(harness.output()).containsExactly(3L, 10L);
        }
    }

    @Test
    void everythingAWatermarkTriggersIsEmittedBeforeItMovesOnInTimestampOrder() throws Exception {
        try (var harness = longs(keyed -> keyed.window(tumbling(10)).process(new Describe<>()))) {
            harness.processElement("b", 25L, 25);
            harness.processElement("a", 5L, 5);
            harness.processElement("c", 15L, 15);
            harness.processElement("a", 35L, 35);
            harness.processWatermark(29);
            assertThat(harness.outputWithTimestamps())
                    .extracting(TimestampedValue::timestamp)
                    .containsExactly(9L, 19L, 29L);
            assertThat(harness.output())
                    .containsExactly(
                            "a TimeWindow{start=0, end=10} -> 5",
                            "c TimeWindow{start=10, end=20} -> 15",
                            "b TimeWindow{start=20, end=30} -> 25");
        }
    }

    @Test
    void globalWindowsNeverFireWithoutACustomTrigger() throws Exception {
        try (var harness = longs(keyed -> keyed.window(GlobalWindows.create()).process(new Describe<GlobalWindow>()))) {
            for (long i = 0; i < 100; i++) {
                harness.processElement(i, i);
            }
            harness.processWatermark(Long.MAX_VALUE);
            harness.setProcessingTime(Long.MAX_VALUE);
            assertThat(harness.output()).isEmpty();
        }
    }

    @Test
    void withoutALateSideOutputALateRecordIsCountedNotEmitted() throws Exception {
        try (var harness = longs(keyed -> keyed.window(tumbling(10)).reduce(Long::sum))) {
            harness.processWatermark(100);
            harness.processElement(1L, 1);
            harness.processWatermark(200);
            assertThat(harness.output()).isEmpty();
        }
    }

    @Test
    void committedWindowsAndTimersSurviveARestartAndUncommittedOnesDoNot() throws Exception {
        try (var harness = longs(keyed -> keyed.window(tumbling(10)).reduce(Long::sum))) {
            harness.processElement(1L, 1);
            harness.processElement(2L, 12);
            harness.commit();
            harness.processElement(40L, 2);
            harness.processElement(50L, 25);
            harness.restart();
            harness.processWatermark(100);
            assertThat(harness.outputWithTimestamps())
                    .containsExactly(new TimestampedValue<>(1L, 9), new TimestampedValue<>(2L, 19));
        }
    }
}
