package io.rivulet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedCoProcessFunction;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.ProcessJoinFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.evictors.TimestampedValue;
import io.rivulet.testing.KeyedTwoInputOperatorHarness;

/** Interval joins, window joins and keyed connect, driven by hand; values are {@code "<key>:<label>"}. */
class JoinsTest {

    static final OutputTag<String> LEFT_LATE = new OutputTag<>("left-late");
    static final OutputTag<String> RIGHT_LATE = new OutputTag<>("right-late");

    private static String key(String value) {
        return value.substring(0, value.indexOf(':'));
    }

    static final class Pair extends ProcessJoinFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String left, String right, Context ctx, Collector<String> out) {
            out.collect(left + "+" + right + "@" + ctx.getLeftTimestamp() + "/" + ctx.getRightTimestamp());
        }
    }

    private static KeyedTwoInputOperatorHarness<String, String, String, String> intervalJoin(
            long lower, long upper, boolean lowerExclusive, boolean upperExclusive) throws Exception {
        return KeyedTwoInputOperatorHarness.of(
                JoinsTest::key, JoinsTest::key, Serdes.string(), Serdes.string(), Serdes.string(), (left, right) -> {
                    IntervalJoin<String, String, String> join = left.intervalJoin(right)
                            .between(Duration.ofMillis(lower), Duration.ofMillis(upper))
                            .sideOutputLeftLateData(LEFT_LATE)
                            .sideOutputRightLateData(RIGHT_LATE);
                    if (lowerExclusive) {
                        join.lowerBoundExclusive();
                    }
                    if (upperExclusive) {
                        join.upperBoundExclusive();
                    }
                    return join.process(new Pair());
                });
    }

    @ParameterizedTest(name = "[{0}, {1}] excl {2}/{3}: left at 100, right at {4} -> joined {5}")
    @CsvSource({
        "-10, 10, false, false, 90, true",
        "-10, 10, false, false, 110, true",
        "-10, 10, false, false, 89, false",
        "-10, 10, false, false, 111, false",
        "-10, 10, true, false, 90, false",
        "-10, 10, true, false, 91, true",
        "-10, 10, false, true, 110, false",
        "-10, 10, false, true, 109, true",
        "0, 0, false, false, 100, true",
        "5, 20, false, false, 104, false",
        "5, 20, false, false, 105, true",
        "-20, -5, false, false, 95, true",
        "-20, -5, false, false, 96, false",
    })
    void intervalJoinBoundsAreInclusiveUnlessMadeExclusiveAndResultsCarryTheLargerTimestamp(
            long lower, long upper, boolean lowerExclusive, boolean upperExclusive, long rightTimestamp, boolean joined)
            throws Exception {
        for (boolean leftFirst : new boolean[] {true, false}) {
            try (var harness = intervalJoin(lower, upper, lowerExclusive, upperExclusive)) {
                if (leftFirst) {
                    harness.processElement1("k:L", 100);
                    harness.processElement2("k:R", rightTimestamp);
                } else {
                    harness.processElement2("k:R", rightTimestamp);
                    harness.processElement1("k:L", 100);
                }
                List<TimestampedValue<String>> expected = joined
                        ? List.of(
                                new TimestampedValue<>("k:L+k:R@100/" + rightTimestamp, Math.max(100, rightTimestamp)))
                        : List.of();
                assertThat(harness.outputWithTimestamps())
                        .as("left first: %s", leftFirst)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void intervalJoinOnlyPairsEqualKeysAndRoutesLateElementsAside() throws Exception {
        try (var harness = intervalJoin(-10, 10, false, false)) {
            harness.processElement1("a:L", 100);
            harness.processElement2("b:R", 100);
            harness.processElement2("a:R", 105);
            harness.processWatermark(100);
            harness.processElement1("a:late", 99);
            harness.processElement2("a:late", 50);
            assertThat(harness.output()).containsExactly("a:L+a:R@100/105");
            assertThat(harness.sideOutput(LEFT_LATE)).containsExactly("a:late");
            assertThat(harness.sideOutput(RIGHT_LATE)).containsExactly("a:late");
        }
    }

    @Test
    void intervalJoinBuffersAreCleanedOnceNoMatchCanComeAndSurviveARestartWhenCommitted() throws Exception {
        try (var harness = intervalJoin(-10, 10, false, false)) {
            harness.processElement1("a:L", 100);
            harness.commit();
            harness.restart();
            harness.processElement2("a:R1", 110);
            // Past 110 no right element at <= 110 can arrive on time: the left element is dropped.
            harness.processWatermark(111);
            harness.processElement2("a:R2", 111);
            assertThat(harness.output()).containsExactly("a:L+a:R1@100/110");
        }
    }

    @Test
    void windowJoinPairsBothSidesOfAKeyInAWindowStampedWithItsEnd() throws Exception {
        try (var harness = KeyedTwoInputOperatorHarness.<String, String, String, String>ofStreams(
                JoinsTest::key,
                JoinsTest::key,
                Serdes.string(),
                Serdes.string(),
                (orders, payments) -> orders.join(payments, Serdes.string(), Serdes.string())
                        .where(JoinsTest::key, Serdes.string())
                        .equalTo(JoinsTest::key)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                        .apply((order, payment) -> order + "+" + payment))) {
            harness.processElement1("a:o1", 1);
            harness.processElement1("a:o2", 5);
            harness.processElement2("a:p1", 9);
            harness.processElement2("b:p2", 3);
            harness.processElement2("a:p3", 10);
            harness.processElement1("a:o3", 15);
            harness.processWatermark(19);
            assertThat(harness.outputWithTimestamps())
                    .containsExactly(
                            new TimestampedValue<>("a:o1+a:p1", 9),
                            new TimestampedValue<>("a:o2+a:p1", 9),
                            new TimestampedValue<>("a:o3+a:p3", 19));
        }
    }

    /** Remembers the last element of the first input per key and tags every element of the second with it. */
    static final class LastSeen extends KeyedCoProcessFunction<String, String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<String> last;

        @Override
        public void open(RuntimeContext context) {
            last = context.getState(new ValueStateDescriptor<>("last", Serdes.string()));
        }

        @Override
        public void processElement1(String value, Context ctx, Collector<String> out) {
            last.update(value);
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {
            out.collect(value + " after " + last.value());
        }
    }

    @Test
    void keyedConnectSharesStatePerKeyBetweenTheInputs() throws Exception {
        try (var harness = KeyedTwoInputOperatorHarness.of(
                JoinsTest::key,
                JoinsTest::key,
                Serdes.string(),
                Serdes.string(),
                Serdes.string(),
                (first, second) -> first.connect(second).process(new LastSeen()))) {
            harness.processElement1("a:1", 0);
            harness.processElement1("b:1", 0);
            harness.processElement1("a:2", 0);
            harness.processElement2("a:x", 0);
            harness.processElement2("b:y", 0);
            harness.processElement2("c:z", 0);
            assertThat(harness.output()).containsExactly("a:x after a:2", "b:y after b:1", "c:z after null");
        }
    }
}
