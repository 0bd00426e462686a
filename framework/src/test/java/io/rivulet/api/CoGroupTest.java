package io.rivulet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import io.rivulet.api.functions.CoGroupFunction;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.rivulet.api.windowing.evictors.CountEvictor;
import io.rivulet.api.windowing.evictors.TimestampedValue;
import io.rivulet.api.windowing.triggers.CountTrigger;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.testing.KeyedTwoInputOperatorHarness;

/**
 * Windowed co-groups, and window joins as the co-groups they are (Flink's {@code JoinedStreams} is built on
 * {@code CoGroupedStreams}), with triggers, evictors and allowed lateness. Values are {@code "<key>:<label>"}.
 */
class CoGroupTest {

    private static final Duration TEN_MS = Duration.ofMillis(10);

    private static String key(String value) {
        return value.substring(0, value.indexOf(':'));
    }

    /** Shows what the co-group function was handed: {@code [first...]|[second...]}. */
    static final class Describe implements CoGroupFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void coGroup(Iterable<String> first, Iterable<String> second, Collector<String> out) {
            List<String> firsts = new ArrayList<>();
            List<String> seconds = new ArrayList<>();
            first.forEach(firsts::add);
            second.forEach(seconds::add);
            out.collect(firsts + "|" + seconds);
        }
    }

    private static KeyedTwoInputOperatorHarness<String, String, String, String> harness(
            BiFunction<DataStream<String>, DataStream<String>, DataStream<String>> operators) throws Exception {
        return KeyedTwoInputOperatorHarness.ofStreams(
                CoGroupTest::key, CoGroupTest::key, Serdes.string(), Serdes.string(), operators);
    }

    private static CoGroupedStreams<String, String>.Where<String>.EqualTo.WithWindow<TimeWindow> coGroup(
            DataStream<String> first, DataStream<String> second) {
        return first.coGroup(second, Serdes.string(), Serdes.string())
                .where(CoGroupTest::key, Serdes.string())
                .equalTo(CoGroupTest::key)
                .window(TumblingEventTimeWindows.of(TEN_MS));
    }

    private static JoinedStreams<String, String>.Where<String>.EqualTo.WithWindow<TimeWindow> join(
            DataStream<String> first, DataStream<String> second) {
        return first.join(second, Serdes.string(), Serdes.string())
                .where(CoGroupTest::key, Serdes.string())
                .equalTo(CoGroupTest::key)
                .window(TumblingEventTimeWindows.of(TEN_MS));
    }

    @Test
    void theFunctionSeesBothSidesOfEachKeyAndWindowIncludingWindowsWithOneSideEmpty() throws Exception {
        try (var harness = harness((a, b) -> coGroup(a, b).apply(new Describe()))) {
            harness.processElement1("a:o1", 1);
            harness.processElement1("a:o2", 5);
            harness.processElement1("c:o4", 3);
            harness.processElement2("a:p1", 9);
            harness.processElement2("b:p2", 3);
            harness.processElement1("a:o3", 15);
            harness.processElement2("b:p3", 12);
            harness.processWatermark(9);
            assertThat(harness.outputWithTimestamps())
                    .containsExactlyInAnyOrder(
                            new TimestampedValue<>("[a:o1, a:o2]|[a:p1]", 9),
                            new TimestampedValue<>("[]|[b:p2]", 9),
                            new TimestampedValue<>("[c:o4]|[]", 9));
            harness.processWatermark(19);
            assertThat(harness.outputWithTimestamps().subList(3, 5))
                    .containsExactlyInAnyOrder(
                            new TimestampedValue<>("[a:o3]|[]", 19), new TimestampedValue<>("[]|[b:p3]", 19));
        }
    }

    @Test
    void aTriggerFiresTheCoGroupOnTheElementsOfBothSides() throws Exception {
        try (var harness =
                harness((a, b) -> coGroup(a, b).trigger(CountTrigger.of(2)).apply(new Describe()))) {
            harness.processElement1("a:o1", 1);
            harness.processElement2("a:p1", 2);
            harness.processElement2("a:p2", 3);
            harness.processElement1("a:o2", 4);
            harness.processWatermark(19);
            // The count trigger fires without purging and does not fire on event time.
            assertThat(harness.outputWithTimestamps())
                    .containsExactly(
                            new TimestampedValue<>("[a:o1]|[a:p1]", 9),
                            new TimestampedValue<>("[a:o1, a:o2]|[a:p1, a:p2]", 9));
        }
    }

    @Test
    void theWithWindowStepsAreImmutableAsInFlink() throws Exception {
        try (var harness = harness((a, b) -> {
            var window = coGroup(a, b);
            window.trigger(CountTrigger.of(1));
            return window.apply(new Describe());
        })) {
            harness.processElement1("a:o1", 1);
            assertThat(harness.output()).isEmpty();
            harness.processWatermark(9);
            assertThat(harness.output()).containsExactly("[a:o1]|[]");
        }
    }

    @Test
    void aWindowJoinWithATriggerJoinsTheWindowAtEveryFiring() throws Exception {
        try (var harness =
                harness((a, b) -> join(a, b).trigger(CountTrigger.of(2)).apply((x, y) -> x + "+" + y))) {
            harness.processElement1("a:o1", 1);
            harness.processElement2("a:p1", 2);
            harness.processElement2("a:p2", 3);
            harness.processElement1("a:o2", 4);
            assertThat(harness.output())
                    .containsExactly("a:o1+a:p1", "a:o1+a:p1", "a:o1+a:p2", "a:o2+a:p1", "a:o2+a:p2");
        }
    }

    @Test
    void aWindowJoinWithAnEvictorJoinsOnlyTheElementsKept() throws Exception {
        try (var harness =
                harness((a, b) -> join(a, b).evictor(CountEvictor.of(2)).apply((x, y) -> x + "+" + y))) {
            harness.processElement1("a:o1", 1);
            harness.processElement2("a:p1", 2);
            harness.processElement1("a:o2", 3);
            harness.processElement2("a:p2", 4);
            harness.processWatermark(9);
            assertThat(harness.outputWithTimestamps()).containsExactly(new TimestampedValue<>("a:o2+a:p2", 9));
        }
    }

    @Test
    void withAllowedLatenessALateElementReJoinsTheWholeWindowUntilTheLatenessHasPassed() throws Exception {
        try (var lenient = harness((a, b) ->
                        join(a, b).allowedLateness(Duration.ofMillis(5)).apply((x, y) -> x + "+" + y));
                var strict = harness((a, b) -> join(a, b).apply((x, y) -> x + "+" + y))) {
            for (var harness : List.of(lenient, strict)) {
                harness.processElement1("a:o1", 1);
                harness.processElement2("a:p1", 2);
                harness.processWatermark(9);
                harness.processElement2("a:p2", 8);
                harness.processWatermark(14);
                harness.processElement2("a:p3", 9);
            }
            assertThat(lenient.outputWithTimestamps())
                    .containsExactly(
                            new TimestampedValue<>("a:o1+a:p1", 9),
                            new TimestampedValue<>("a:o1+a:p1", 9),
                            new TimestampedValue<>("a:o1+a:p2", 9));
            assertThat(strict.outputWithTimestamps()).containsExactly(new TimestampedValue<>("a:o1+a:p1", 9));
        }
    }

    @Test
    void aCoGroupWithAllowedLatenessReFiresWithTheLateElement() throws Exception {
        try (var harness = harness(
                (a, b) -> coGroup(a, b).allowedLateness(Duration.ofMillis(5)).apply(new Describe()))) {
            harness.processElement1("a:o1", 1);
            harness.processWatermark(9);
            harness.processElement2("a:p1", 3);
            assertThat(harness.output()).containsExactly("[a:o1]|[]", "[a:o1]|[a:p1]");
        }
    }

    @Test
    void allowedLatenessOnProcessingTimeWindowsIsRefusedWhenTheJobIsBuilt() {
        assertThatThrownBy(() -> harness((a, b) -> a.join(b, Serdes.string(), Serdes.string())
                        .where(CoGroupTest::key, Serdes.string())
                        .equalTo(CoGroupTest::key)
                        .window(TumblingProcessingTimeWindows.of(TEN_MS))
                        .allowedLateness(Duration.ofMillis(5))
                        .apply((x, y) -> x + "+" + y)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allowed lateness applies to event-time windows only, not TumblingProcessingTimeWindows(10,"
                        + " 0)");
    }
}
