package io.rivulet.api.windowing;

import static io.rivulet.api.windowing.WindowHarnesses.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.rivulet.api.windowing.assigners.GlobalWindows;
import io.rivulet.api.windowing.assigners.ProcessingTimeSessionWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.rivulet.api.windowing.triggers.ContinuousProcessingTimeTrigger;
import io.rivulet.api.windowing.triggers.PurgingTrigger;
import io.rivulet.api.windowing.windows.GlobalWindow;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.testing.HarnessStates;

/**
 * {@link ContinuousProcessingTimeTrigger} as Flink's: firings every interval from the interval of the first
 * element's arrival, never past the window's end, merging, nothing left after the window is dropped.
 */
class ContinuousProcessingTimeTriggerTest {

    private static TumblingProcessingTimeWindows tumbling(long size) {
        return TumblingProcessingTimeWindows.of(Duration.ofMillis(size));
    }

    private static ContinuousProcessingTimeTrigger<TimeWindow> every(long millis) {
        return ContinuousProcessingTimeTrigger.of(Duration.ofMillis(millis));
    }

    @Test
    void firesEveryIntervalFromTheFirstArrivalsIntervalAndAtTheWindowsEnd() throws Exception {
        try (var harness =
                longs(keyed -> keyed.window(tumbling(100)).trigger(every(30)).reduce(Long::sum))) {
            // Arrival at 45, in the interval [30,60): the first firing is at 60; the event timestamp plays no part.
            harness.setProcessingTime(45);
            harness.processElement(1L, 1_000_000);
            harness.setProcessingTime(50);
            harness.processElement(2L, 0);
            harness.setProcessingTime(59);
            assertThat(harness.output()).isEmpty();
            harness.setProcessingTime(60);
            assertThat(harness.output()).containsExactly(3L);
            harness.processElement(4L, 0);
            harness.setProcessingTime(89);
            assertThat(harness.output()).containsExactly(3L);
            harness.setProcessingTime(90);
            assertThat(harness.output()).containsExactly(3L, 7L);
            // The next interval would end at 120, past the window: the firing is at its maxTimestamp, 99.
            harness.setProcessingTime(98);
            assertThat(harness.output()).containsExactly(3L, 7L);
            harness.setProcessingTime(99);
            assertThat(harness.outputWithTimestamps())
                    .extracting(v -> v.value() + "@" + v.timestamp())
                    .containsExactly("3@99", "7@99", "7@99");
            harness.setProcessingTime(1_000);
            harness.processWatermark(Long.MAX_VALUE - 1);
            assertThat(harness.output()).hasSize(3);
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    @Test
    void elementsNeverFireTheWindowAndAClockPassingSeveralFiringsFiresOnceForEach() throws Exception {
        try (var harness =
                longs(keyed -> keyed.window(tumbling(100)).trigger(every(30)).reduce(Long::sum))) {
            harness.setProcessingTime(10);
            harness.processElement(1L, 0);
            harness.processElement(2L, 0);
            assertThat(harness.output()).isEmpty();
            // 30, 60, 90, then the end at 99.
            harness.setProcessingTime(500);
            assertThat(harness.output()).containsExactly(3L, 3L, 3L, 3L);
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    @Test
    void wrappedInAPurgingTriggerEachFiringEmitsOnlyWhatArrivedSinceTheLast() throws Exception {
        try (var harness = longs(keyed -> keyed.window(tumbling(100))
                .trigger(PurgingTrigger.of(every(30)))
                .reduce(Long::sum))) {
            harness.setProcessingTime(10);
            harness.processElement(1L, 0);
            harness.setProcessingTime(40);
            harness.processElement(2L, 0);
            harness.processElement(4L, 0);
            harness.setProcessingTime(95);
            harness.processElement(8L, 0);
            harness.setProcessingTime(200);
            assertThat(harness.output()).containsExactly(1L, 6L, 8L);
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    @Test
    void aGlobalWindowFiresEveryIntervalForever() throws Exception {
        try (var harness = longs(keyed -> keyed.window(GlobalWindows.create())
                .trigger(PurgingTrigger.of(ContinuousProcessingTimeTrigger.<GlobalWindow>of(Duration.ofMillis(10))))
                .reduce(Long::sum))) {
            harness.setProcessingTime(3);
            harness.processElement(1L, 0);
            harness.setProcessingTime(10);
            harness.processElement(2L, 0);
            harness.processElement(4L, 0);
            // 20 emits 6, 30 finds nothing new and emits nothing, 40 emits 8.
            harness.setProcessingTime(35);
            harness.processElement(8L, 0);
            harness.setProcessingTime(40);
            assertThat(harness.output()).containsExactly(1L, 6L, 8L);
        }
    }

    @Test
    void aMergedSessionKeepsTheScheduleOfTheSessionItGrewFrom() throws Exception {
        try (var harness = longs(keyed -> keyed.window(ProcessingTimeSessionWindows.withGap(Duration.ofMillis(10)))
                .trigger(every(5))
                .reduce(Long::sum))) {
            // [0,10) schedules 5; at 3 the session grows to [0,13) and keeps it, then 10 and its end at 12.
            harness.setProcessingTime(0);
            harness.processElement(1L, 0);
            harness.setProcessingTime(3);
            harness.processElement(2L, 0);
            harness.setProcessingTime(4);
            assertThat(harness.output()).isEmpty();
            harness.setProcessingTime(5);
            assertThat(harness.output()).containsExactly(3L);
            harness.setProcessingTime(11);
            assertThat(harness.output()).containsExactly(3L, 3L);
            harness.setProcessingTime(12);
            assertThat(harness.outputWithTimestamps())
                    .extracting(v -> v.value() + "@" + v.timestamp())
                    .containsExactly("3@12", "3@12", "3@12");
            harness.setProcessingTime(100);
            assertThat(harness.output()).hasSize(3);
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    @Test
    void onAnEventTimeWindowTheFiringAtItsEndIsTheLastUntilAnotherElementArrives() throws Exception {
        try (var harness = longs(keyed -> keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .trigger(every(30))
                .reduce(Long::sum))) {
            harness.setProcessingTime(10);
            harness.processElement(1L, 10);
            // 30, 60, 90 and 99: the clock passes the window's end while the watermark has not reached it.
            harness.setProcessingTime(200);
            assertThat(harness.output()).containsExactly(1L, 1L, 1L, 1L);
            harness.setProcessingTime(300);
            assertThat(harness.output()).hasSize(4);
            // The window is still open in event time: the element schedules its end, 99, due at the next advance.
            harness.processElement(2L, 20);
            assertThat(harness.output()).hasSize(4);
            harness.setProcessingTime(301);
            assertThat(harness.output()).containsExactly(1L, 1L, 1L, 1L, 3L);
            harness.processWatermark(99);
            harness.setProcessingTime(1_000);
            assertThat(harness.output()).hasSize(5);
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> ContinuousProcessingTimeTrigger.of(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
