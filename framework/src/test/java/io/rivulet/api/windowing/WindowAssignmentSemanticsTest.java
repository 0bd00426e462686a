package io.rivulet.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;
import io.rivulet.api.windowing.assigners.SlidingEventTimeWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.windows.TimeWindow;

/** Flink's window arithmetic, one table per rule. */
class WindowAssignmentSemanticsTest {

    @ParameterizedTest(name = "ts={0} size={1} offset={2} -> start {3}")
    @CsvSource({
        "0, 10, 0, 0",
        "9, 10, 0, 0",
        "10, 10, 0, 10",
        "17, 10, 3, 13",
        "12, 10, 3, 3",
        "13, 10, 3, 13",
        "1700000123456, 60000, 0, 1700000100000",
        "-1, 10, 0, -10",
        "-10, 10, 0, -10",
    })
    void tumblingStartIsTsMinusTsMinusOffsetPlusSizeModSize(long ts, long size, long offset, long start) {
        if (ts >= 0) {
            assertThat(start).isEqualTo(ts - (ts - offset + size) % size);
        }
        assertThat(TimeWindow.getWindowStartWithOffset(ts, offset, size)).isEqualTo(start);
        assertThat(TumblingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(offset))
                        .assignWindows(null, ts, null))
                .containsExactly(new TimeWindow(start, start + size));
    }

    @ParameterizedTest(name = "[{0},{1}) has maxTimestamp {2}")
    @CsvSource({"0, 10, 9", "10, 20, 19", "-10, 0, -1"})
    void windowsAreHalfOpenWithMaxTimestampEndMinusOne(long start, long end, long maxTimestamp) {
        TimeWindow window = new TimeWindow(start, end);
        assertThat(window.maxTimestamp()).isEqualTo(maxTimestamp);
        assertThat(TumblingEventTimeWindows.of(
                                Duration.ofMillis(end - start), Duration.ofMillis(Math.floorMod(start, end - start)))
                        .assignWindows(null, end, null))
                .doesNotContain(window);
    }

    @ParameterizedTest(name = "size={0} slide={1} ts={2} -> {3} windows from {4}")
    @CsvSource({
        "10, 5, 7, 2, 5",
        "10, 5, 5, 2, 5",
        "10, 2, 9, 5, 8",
        "60, 20, 59, 3, 40",
        "10, 3, 9, 4, 9",
        "10, 10, 4, 1, 0",
    })
    void slidingCopiesAnElementIntoSizeBySlideWindows(long size, long slide, long ts, int count, long lastStart) {
        List<TimeWindow> windows =
                new ArrayList<>(SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide))
                        .assignWindows(null, ts, null));
        assertThat(windows).hasSize(count);
        assertThat(windows).allSatisfy(window -> {
            assertThat(window.getEnd() - window.getStart()).isEqualTo(size);
            assertThat(ts).isBetween(window.getStart(), window.maxTimestamp());
            assertThat(window.getStart() % slide).isZero();
        });
        assertThat(windows.get(0).getStart()).isEqualTo(lastStart);
    }

    @ParameterizedTest(name = "gap={0}: [{1}] and [{2}] merge: {3}")
    @CsvSource({
        "10, 0, 10, true",
        "10, 0, 9, true",
        "10, 0, 11, false",
        "10, 20, 10, true",
        "10, 21, 10, false",
        "10, 5, 5, true",
    })
    void sessionWindowsMergeWhenTheyOverlapOrTouch(long gap, long first, long second, boolean merge) {
        EventTimeSessionWindows<Object> sessions = EventTimeSessionWindows.withGap(Duration.ofMillis(gap));
        List<TimeWindow> windows = new ArrayList<>(sessions.assignWindows(null, first, null));
        windows.addAll(sessions.assignWindows(null, second, null));
        List<TimeWindow> results = new ArrayList<>();
        sessions.mergeWindows(windows, (merged, result) -> results.add(result));
        if (merge) {
            assertThat(results).containsExactly(new TimeWindow(Math.min(first, second), Math.max(first, second) + gap));
        } else {
            assertThat(results).isEmpty();
        }
    }
}
