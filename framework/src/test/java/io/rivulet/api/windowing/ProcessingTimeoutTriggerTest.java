package io.rivulet.api.windowing;

import static io.rivulet.api.windowing.WindowHarnesses.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.triggers.CountTrigger;
import io.rivulet.api.windowing.triggers.EventTimeTrigger;
import io.rivulet.api.windowing.triggers.ProcessingTimeoutTrigger;
import io.rivulet.api.windowing.triggers.PurgingTrigger;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.testing.HarnessStates;

/**
 * {@link ProcessingTimeoutTrigger} as Flink's: the nested trigger or the timeout fires, whichever first; every
 * timer of the window fires it; the flags reset the timeout per element and clear the trigger on a timer.
 */
class ProcessingTimeoutTriggerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(100);

    private static TumblingEventTimeWindows tumbling() {
        return TumblingEventTimeWindows.of(Duration.ofMillis(1_000));
    }

    private static Trigger<Object, TimeWindow> threeElements() {
        return CountTrigger.of(3);
    }

    @Test
    void theTimeoutStartsAtTheFirstElementAndTheNestedTriggerStillFires() throws Exception {
        try (var harness = longs(keyed -> keyed.window(tumbling())
                .trigger(ProcessingTimeoutTrigger.of(threeElements(), TIMEOUT))
                .reduce(Long::sum))) {
            harness.processElement(1L, 10);
            harness.setProcessingTime(50);
            harness.processElement(2L, 20);
            harness.setProcessingTime(99);
            assertThat(harness.output()).isEmpty();
            // 100 after the first element, not after the second; the timeout clears the count too.
            harness.setProcessingTime(100);
            assertThat(harness.output()).containsExactly(3L);
            harness.setProcessingTime(120);
            harness.processElement(4L, 30);
            harness.processElement(8L, 40);
            harness.processElement(16L, 50);
            // The third element since the timeout fires, and cancels the timeout it started at 120.
            assertThat(harness.output()).containsExactly(3L, 31L);
            harness.setProcessingTime(1_000);
            assertThat(harness.output()).containsExactly(3L, 31L);
        }
    }

    @Test
    void everyTimerOfTheWindowFiresItEvenTheCleanupAtItsEnd() throws Exception {
        try (var harness = longs(keyed -> keyed.window(tumbling())
                .trigger(ProcessingTimeoutTrigger.of(threeElements(), TIMEOUT))
                .reduce(Long::sum))) {
            harness.processElement(1L, 10);
            harness.processElement(2L, 20);
            harness.processElement(4L, 30);
            assertThat(harness.output()).containsExactly(7L);
            harness.processElement(8L, 40);
            // The count trigger answers CONTINUE to the cleanup timer at 999, which fires the window all the same.
            harness.processWatermark(999);
            assertThat(harness.output()).containsExactly(7L, 15L);
            harness.setProcessingTime(10_000);
            harness.processWatermark(10_000);
            assertThat(harness.output()).containsExactly(7L, 15L);
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    @Test
    void withResetTimerOnNewRecordEveryElementStartsTheTimeoutAnew() throws Exception {
        try (var harness = longs(keyed -> keyed.window(tumbling())
                .trigger(ProcessingTimeoutTrigger.of(threeElements(), TIMEOUT, true, true))
                .reduce(Long::sum))) {
            harness.processElement(1L, 10);
            harness.setProcessingTime(50);
            harness.processElement(2L, 20);
            harness.setProcessingTime(149);
            assertThat(harness.output()).isEmpty();
            harness.setProcessingTime(150);
            assertThat(harness.output()).containsExactly(3L);
            harness.processElement(4L, 30);
            harness.setProcessingTime(250);
            assertThat(harness.output()).containsExactly(3L, 7L);
        }
    }

    @Test
    void withoutClearOnTimeoutAPassedTimeoutIsNotStartedAgainUntilTheNestedTriggerFires() throws Exception {
        try (var harness = longs(keyed -> keyed.window(tumbling())
                .trigger(ProcessingTimeoutTrigger.of(threeElements(), TIMEOUT, false, false))
                .reduce(Long::sum))) {
            harness.processElement(1L, 10);
            harness.setProcessingTime(100);
            assertThat(harness.output()).containsExactly(1L);
            // The count (1) and the passed timeout stay: no new timeout, and the third element fires.
            harness.setProcessingTime(150);
            harness.processElement(2L, 20);
            harness.setProcessingTime(500);
            assertThat(harness.output()).containsExactly(1L);
            harness.processElement(4L, 30);
            assertThat(harness.output()).containsExactly(1L, 7L);
            // Firing on an element clears the trigger: the next element starts a timeout again.
            harness.setProcessingTime(520);
            harness.processElement(8L, 40);
            harness.setProcessingTime(620);
            assertThat(harness.output()).containsExactly(1L, 7L, 15L);
        }
    }

    /** Sums of two elements, a timeout at 100, four elements (the third one fires), and a timeout at 200. */
    private static List<Long> timeoutThenCount(Trigger<Object, TimeWindow> trigger) throws Exception {
        try (var harness =
                longs(keyed -> keyed.window(tumbling()).trigger(trigger).reduce(Long::sum))) {
            harness.processElement(1L, 10);
            harness.processElement(2L, 20);
            harness.setProcessingTime(100);
            for (long value = 4; value <= 32; value *= 2) {
                harness.processElement(value, 30);
            }
            harness.setProcessingTime(200);
            return harness.output();
        }
    }

    @Test
    void aTimeoutFiresAPurgingNestedTriggerWithoutPurgingAndAnOuterPurgingTriggerPurgesIt() throws Exception {
        // The nested purging trigger answers CONTINUE to the timeout, which therefore fires without purging.
        assertThat(timeoutThenCount(ProcessingTimeoutTrigger.of(PurgingTrigger.of(threeElements()), TIMEOUT)))
                .containsExactly(3L, 31L, 32L);
        assertThat(timeoutThenCount(PurgingTrigger.of(ProcessingTimeoutTrigger.of(threeElements(), TIMEOUT))))
                .containsExactly(3L, 28L, 32L);
    }

    @Test
    void anEventTimeWindowFiresAtTheTimeoutAndAgainAtItsEnd() throws Exception {
        try (var harness = longs(keyed -> keyed.window(tumbling())
                .trigger(ProcessingTimeoutTrigger.of(EventTimeTrigger.<Long, TimeWindow>create(), TIMEOUT))
                .reduce(Long::sum))) {
            harness.processElement(1L, 10);
            harness.setProcessingTime(100);
            assertThat(harness.output()).containsExactly(1L);
            harness.setProcessingTime(150);
            harness.processElement(2L, 20);
            harness.processWatermark(999);
            assertThat(harness.output()).containsExactly(1L, 3L);
            harness.setProcessingTime(1_000);
            assertThat(harness.output()).containsExactly(1L, 3L);
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    @Test
    void cannotBeUsedWithSessionWindows() {
        assertThatThrownBy(
                        () -> longs(keyed -> keyed.window(EventTimeSessionWindows.<Long>withGap(Duration.ofMillis(10)))
                                .trigger(ProcessingTimeoutTrigger.of(threeElements(), TIMEOUT))
                                .reduce(Long::sum)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot merge");
    }
}
