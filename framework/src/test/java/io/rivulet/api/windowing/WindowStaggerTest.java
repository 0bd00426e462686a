package io.rivulet.api.windowing;

import static io.rivulet.api.windowing.WindowHarnesses.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.rivulet.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.rivulet.api.windowing.assigners.WindowStagger;
import io.rivulet.api.windowing.evictors.TimestampedValue;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.testing.KeyedOperatorHarness;

/**
 * Staggered processing-time windows, as Flink's {@code TumblingProcessingTimeWindows.of(size, offset, stagger)}: the
 * stagger offset is taken once, at the first element the task's assigner sees, and windows start at
 * {@code (offset + staggerOffset) % size} from then on. Results carry the window's {@code maxTimestamp}, which shows
 * where the window lies.
 */
class WindowStaggerTest {

    private static final Duration SIZE = Duration.ofMillis(10);

    private static KeyedOperatorHarness<String, Long, Long> summing(TumblingProcessingTimeWindows assigner)
            throws Exception {
        return longs(keyed -> keyed.window(assigner).reduce(Long::sum));
    }

    @Test
    void naturalStartsTheWindowsAtTheFirstElementAndKeepsThatOffset() throws Exception {
        try (var harness = summing(TumblingProcessingTimeWindows.of(SIZE, Duration.ZERO, WindowStagger.NATURAL))) {
            harness.setProcessingTime(13);
            harness.processElement(1L, 0);
            harness.setProcessingTime(20);
            harness.processElement(2L, 0);
            harness.setProcessingTime(22);
            // Not re-taken at 27 (which would give windows from 27): the offset is 3 for good.
            harness.setProcessingTime(27);
            harness.processElement(4L, 0);
            harness.setProcessingTime(32);
            assertThat(harness.outputWithTimestamps())
                    .containsExactly(new TimestampedValue<>(3L, 22), new TimestampedValue<>(4L, 32));
        }
    }

    @Test
    void theStaggerOffsetAddsToTheGlobalOffsetModuloTheSize() throws Exception {
        try (var harness =
                summing(TumblingProcessingTimeWindows.of(SIZE, Duration.ofMillis(9), WindowStagger.NATURAL))) {
            // (9 + 3) % 10 = 2: windows [12, 22).
            harness.setProcessingTime(13);
            harness.processElement(1L, 0);
            harness.setProcessingTime(21);
            assertThat(harness.outputWithTimestamps()).containsExactly(new TimestampedValue<>(1L, 21));
        }
    }

    @Test
    void alignedIsTheUnstaggeredAssigner() throws Exception {
        try (var aligned =
                        summing(TumblingProcessingTimeWindows.of(SIZE, Duration.ofMillis(2), WindowStagger.ALIGNED));
                var plain = summing(TumblingProcessingTimeWindows.of(SIZE, Duration.ofMillis(2)))) {
            for (var harness : List.of(aligned, plain)) {
                harness.setProcessingTime(13);
                harness.processElement(1L, 0);
                harness.setProcessingTime(21);
            }
            assertThat(aligned.outputWithTimestamps()).containsExactly(new TimestampedValue<>(1L, 21));
            assertThat(plain.outputWithTimestamps()).isEqualTo(aligned.outputWithTimestamps());
            assertThat(TumblingProcessingTimeWindows.of(SIZE, Duration.ofMillis(2), WindowStagger.ALIGNED))
                    .hasToString(TumblingProcessingTimeWindows.of(SIZE, Duration.ofMillis(2))
                            .toString());
        }
    }

    @Test
    void randomIsDerivedFromTheFirstElementsProcessingTimeSoARunIsReproducible() throws Exception {
        long offset = WindowStagger.RANDOM.getStaggerOffset(13, 10);
        assertThat(offset).isBetween(0L, 9L).isEqualTo(WindowStagger.RANDOM.getStaggerOffset(13, 10));
        long start = TimeWindow.getWindowStartWithOffset(13, offset, 10);
        for (int run = 0; run < 2; run++) {
            try (var harness = summing(TumblingProcessingTimeWindows.of(SIZE, Duration.ZERO, WindowStagger.RANDOM))) {
                harness.setProcessingTime(13);
                harness.processElement(1L, 0);
                harness.setProcessingTime(start + 8);
                assertThat(harness.output()).isEmpty();
                harness.setProcessingTime(start + 9);
                assertThat(harness.outputWithTimestamps()).containsExactly(new TimestampedValue<>(1L, start + 9));
            }
        }
    }

    @Test
    void randomSpreadsNeighbouringFirstInstantsOverTheWholeWindow() {
        Set<Long> offsets = new HashSet<>();
        long below = 0;
        for (long now = 1_700_000_000_000L; now < 1_700_000_000_000L + 1_000; now++) {
            long offset = WindowStagger.RANDOM.getStaggerOffset(now, 60_000);
            assertThat(offset).isBetween(0L, 59_999L);
            offsets.add(offset);
            below += offset < 30_000 ? 1 : 0;
        }
        assertThat(offsets).hasSizeGreaterThan(950);
        assertThat(below).isBetween(400L, 600L);
    }

    @Test
    void aRestartedTaskTakesItsStaggerOffsetAgainAtItsFirstElementAsInFlink() throws Exception {
        try (var harness = summing(TumblingProcessingTimeWindows.of(SIZE, Duration.ZERO, WindowStagger.NATURAL))) {
            harness.setProcessingTime(13);
            harness.processElement(1L, 0);
            harness.setProcessingTime(22);
            harness.commit();
            harness.restart();
            harness.setProcessingTime(45);
            harness.processElement(2L, 0);
            harness.setProcessingTime(54);
            assertThat(harness.outputWithTimestamps())
                    .containsExactly(new TimestampedValue<>(1L, 22), new TimestampedValue<>(2L, 54));
        }
    }

    @Test
    void naturalAndAlignedOffsetsAreFlinks() {
        assertThat(WindowStagger.NATURAL.getStaggerOffset(1_234, 1_000)).isEqualTo(234);
        assertThat(WindowStagger.NATURAL.getStaggerOffset(2_000, 1_000)).isZero();
        assertThat(WindowStagger.ALIGNED.getStaggerOffset(1_234, 1_000)).isZero();
        assertThat(WindowStagger.NATURAL).hasToString("NATURAL");
    }

    @Test
    void aStaggerIsRequired() {
        assertThatThrownBy(() -> TumblingProcessingTimeWindows.of(SIZE, Duration.ZERO, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("stagger");
    }
}
