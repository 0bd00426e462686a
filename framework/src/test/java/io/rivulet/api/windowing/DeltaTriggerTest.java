package io.rivulet.api.windowing;

import static io.rivulet.api.windowing.WindowHarnesses.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.WindowHarnesses.Describe;
import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;
import io.rivulet.api.windowing.assigners.GlobalWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.triggers.DeltaTrigger;
import io.rivulet.api.windowing.triggers.PurgingTrigger;
import io.rivulet.api.windowing.windows.GlobalWindow;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.testing.HarnessStates;

/**
 * {@link DeltaTrigger} as Flink's: the first element is the reference and does not fire, an element fires
 * when its delta to the reference is strictly above the threshold and becomes the reference.
 */
class DeltaTriggerTest {

    private static <W extends io.rivulet.api.windowing.windows.Window> DeltaTrigger<Long, W> rise(double threshold) {
        // Not symmetric: the delta is the new element minus the reference, so the order of the arguments shows.
        return DeltaTrigger.of(threshold, (reference, element) -> element - reference, Serdes.longs());
    }

    @Test
    void firesWhenTheDeltaToTheLastFiringElementIsAboveTheThreshold() throws Exception {
        try (var harness = longs(
                keyed -> keyed.window(GlobalWindows.create()).trigger(rise(5)).process(new Describe<GlobalWindow>()))) {
            // 10 is the reference; 3 (-7) and 15 (exactly 5) do not fire, 16 (6) does and becomes the reference.
            harness.processElement(10L, 0);
            harness.processElement(3L, 0);
            harness.processElement(15L, 0);
            assertThat(harness.output()).isEmpty();
            harness.processElement(16L, 0);
            assertThat(harness.output()).containsExactly("k GlobalWindow -> 10,3,15,16");
            harness.processElement(21L, 0);
            harness.processElement(23L, 0);
            assertThat(harness.output())
                    .containsExactly("k GlobalWindow -> 10,3,15,16", "k GlobalWindow -> 10,3,15,16,21,23");
        }
    }

    @Test
    void theFirstElementNeverFiresWhateverTheThreshold() throws Exception {
        try (var harness = longs(keyed ->
                keyed.window(GlobalWindows.create()).trigger(rise(-100)).reduce(Long::sum))) {
            harness.processElement(1L, 0);
            assertThat(harness.output()).isEmpty();
            harness.processElement(2L, 0);
            assertThat(harness.output()).containsExactly(3L);
        }
    }

    @Test
    void wrappedInAPurgingTriggerEachFiringEmitsTheElementsSinceTheLast() throws Exception {
        try (var harness = longs(keyed -> keyed.window(GlobalWindows.create())
                .trigger(PurgingTrigger.of(rise(5)))
                .process(new Describe<GlobalWindow>()))) {
            for (long value : new long[] {10, 12, 16, 18, 20, 23}) {
                harness.processElement(value, 0);
            }
            // 16 fires (6 above 10) and is the reference; 23 fires (7 above 16).
            assertThat(harness.output()).containsExactly("k GlobalWindow -> 10,12,16", "k GlobalWindow -> 18,20,23");
        }
    }

    @Test
    void eachWindowHasItsOwnReferenceAndTimePlaysNoPart() throws Exception {
        try (var harness = longs(keyed -> keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .trigger(rise(5))
                .process(new Describe<TimeWindow>()))) {
            harness.processElement(1L, 10);
            harness.processElement(10L, 20);
            harness.processElement(11L, 30);
            // A new window's first element is its reference, however far it is from the other window's.
            harness.processElement(100L, 110);
            harness.processElement(102L, 120);
            harness.processWatermark(1_000);
            assertThat(harness.output()).containsExactly("k TimeWindow{start=0, end=100} -> 1,10");
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    @Test
    void cannotBeUsedWithSessionWindows() {
        assertThatThrownBy(
                        () -> longs(keyed -> keyed.window(EventTimeSessionWindows.<Long>withGap(Duration.ofMillis(10)))
                                .trigger(rise(5))
                                .reduce(Long::sum)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot merge");
    }
}
