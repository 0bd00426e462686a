package io.rivulet.api.windowing;

import static io.rivulet.api.windowing.WindowHarnesses.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.rivulet.api.windowing.triggers.PurgingTrigger;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.testing.HarnessStates;

/**
 * {@link ContinuousEventTimeTrigger} as Flink's: firings every interval from the first element's aligned
 * interval, never past the window's end, a firing at the end, merging by the earliest next firing, nothing
 * left after the window is dropped.
 */
class ContinuousEventTimeTriggerTest {

    private static TumblingEventTimeWindows tumbling(long size) {
        return TumblingEventTimeWindows.of(Duration.ofMillis(size));
    }

    private static ContinuousEventTimeTrigger<TimeWindow> every(long millis) {
        return ContinuousEventTimeTrigger.of(Duration.ofMillis(millis));
    }

    @Test
    void firesEveryIntervalAlignedOnTheEpochAndAtTheWindowsEnd() throws Exception {
        try (var harness =
                longs(keyed -> keyed.window(tumbling(100)).trigger(every(30)).reduce(Long::sum))) {
            // The window is [100,200); 145 lies in the interval [120,150), so the first firing is at 150, not 130.
            harness.processElement(1L, 145);
            harness.processElement(2L, 146);
            harness.processWatermark(149);
            assertThat(harness.output()).isEmpty();
            harness.processWatermark(150);
            assertThat(harness.output()).containsExactly(3L);
            harness.processElement(4L, 160);
            harness.processWatermark(179);
            assertThat(harness.output()).containsExactly(3L);
            harness.processWatermark(180);
            assertThat(harness.output()).containsExactly(3L, 7L);
            // The next interval would end at 210, past the window: the firing is at its maxTimestamp, 199.
            harness.processWatermark(198);
            assertThat(harness.output()).containsExactly(3L, 7L);
            // One timer: the next firing and the window's end are the same time.
            assertThat(HarnessStates.nonEmpty(harness))
                    .containsOnly(entry("timers/event", 1), entry("trigger/fire-time", 1), entry("window-contents", 1));
            harness.processWatermark(199);
            assertThat(harness.outputWithTimestamps())
                    .extracting(v -> v.value() + "@" + v.timestamp())
                    .containsExactly("3@199", "7@199", "7@199");
            harness.processWatermark(1_000);
            assertThat(harness.output()).hasSize(3);
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    @Test
    void aWatermarkPassingSeveralFiringsFiresOnceForEachInOrder() throws Exception {
        try (var harness =
                longs(keyed -> keyed.window(tumbling(100)).trigger(every(30)).reduce(Long::sum))) {
            harness.processElement(1L, 10);
            // 30, then 60 and 90 that each firing schedules within the same advance, then the end at 99.
            harness.processWatermark(1_000);
            assertThat(harness.output()).containsExactly(1L, 1L, 1L, 1L);
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    @Test
    void aFirstElementBehindTheWatermarkSchedulesAFiringThatHappensAtTheNextAdvance() throws Exception {
        try (var harness =
                longs(keyed -> keyed.window(tumbling(100)).trigger(every(30)).reduce(Long::sum))) {
            harness.processWatermark(50);
            // Behind the watermark but in an open window: the first firing, at 30, is already past.
            harness.processElement(1L, 10);
            assertThat(harness.output()).isEmpty();
            harness.processWatermark(50);
            assertThat(harness.output()).isEmpty();
            harness.processWatermark(51);
            assertThat(harness.output()).containsExactly(1L);
            // That firing scheduled 60, not 81: firings stay on the interval grid.
            harness.processWatermark(59);
            assertThat(harness.output()).containsExactly(1L);
            harness.processWatermark(60);
            assertThat(harness.output()).containsExactly(1L, 1L);
        }
    }

    @Test
    void anElementAfterTheEndFiresAtOnceWithinTheAllowedLateness() throws Exception {
        try (var harness = longs(keyed -> keyed.window(tumbling(100))
                .allowedLateness(Duration.ofMillis(50))
                .trigger(every(30))
                .reduce(Long::sum))) {
            harness.processElement(1L, 10);
            harness.processWatermark(99);
            assertThat(harness.output()).containsExactly(1L, 1L, 1L, 1L);
            harness.processElement(2L, 20);
            assertThat(harness.output()).containsExactly(1L, 1L, 1L, 1L, 3L);
            // The cleanup at 149 is no firing of this trigger: it drops the window and the trigger's state.
            harness.processWatermark(149);
            assertThat(harness.output()).hasSize(5);
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    @Test
    void wrappedInAPurgingTriggerEachFiringEmitsOnlyWhatArrivedSinceTheLast() throws Exception {
        try (var harness = longs(keyed -> keyed.window(tumbling(100))
                .trigger(PurgingTrigger.of(every(30)))
                .reduce(Long::sum))) {
            harness.processElement(1L, 10);
            harness.processWatermark(30);
            harness.processElement(2L, 40);
            harness.processElement(4L, 50);
            harness.processWatermark(60);
            harness.processElement(8L, 95);
            // 90 emits 8; the end at 99 finds the window empty and emits nothing.
            harness.processWatermark(200);
            assertThat(harness.output()).containsExactly(1L, 6L, 8L);
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    @Test
    void mergedSessionsFireAtTheEarliestNextFiringOfTheSessionsTheyJoin() throws Exception {
        try (var harness = longs(keyed -> keyed.window(EventTimeSessionWindows.<Long>withGap(Duration.ofMillis(10)))
                .trigger(every(5))
                .reduce(Long::sum))) {
            // [0,10) schedules 5, [12,22) schedules 15; 7 bridges them into [0,22), which takes 5.
            harness.processElement(1L, 0);
            harness.processElement(2L, 12);
            harness.processElement(4L, 7);
            harness.processWatermark(4);
            assertThat(harness.output()).isEmpty();
            harness.processWatermark(5);
            assertThat(harness.outputWithTimestamps())
                    .extracting(v -> v.value() + "@" + v.timestamp())
                    .containsExactly("7@21");
            // Then 10, 15, 20 and the end at 21; the timers the merged sessions left fire nothing.
            harness.processWatermark(100);
            assertThat(harness.output()).containsExactly(7L, 7L, 7L, 7L, 7L);
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> ContinuousEventTimeTrigger.of(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
