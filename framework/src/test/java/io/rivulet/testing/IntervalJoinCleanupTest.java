package io.rivulet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessJoinFunction;
import io.rivulet.api.serde.Serdes;

/** The buffers and timers of an interval join are dropped once the watermark has passed what they can match. */
class IntervalJoinCleanupTest {

    static final class Pair extends ProcessJoinFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String left, String right, Context ctx, Collector<String> out) {
            out.collect(left + "+" + right);
        }
    }

    /** Buffers are ordered by timestamp in the store: negative timestamps (before 1970) must sort first too. */
    @ParameterizedTest(name = "from {0} ms")
    @ValueSource(longs = {0, -30_000})
    void nothingIsLeftOnceTheWatermarkPassedEveryElement(long start) throws Exception {
        try (var harness = KeyedTwoInputOperatorHarness.<String, String, String, String>of(
                v -> v.substring(0, 1),
                v -> v.substring(0, 1),
                Serdes.string(),
                Serdes.string(),
                Serdes.string(),
                (left, right) -> left.intervalJoin(right)
                        .between(Duration.ofSeconds(-10), Duration.ofSeconds(10))
                        .process(new Pair()))) {
            for (long ts = start; ts < start + 60_000; ts += 250) {
                harness.processElement1("a" + ts, ts);
                harness.processElement2("a" + ts, ts);
                harness.processWatermark(ts - 4_000);
            }
            harness.processWatermark(start + 100_000);
            Map<String, NavigableMap<byte[], byte[]>> state = harness.snapshot().states();
            assertThat(state)
                    .allSatisfy((name, entries) -> assertThat(entries).as(name).isEmpty());
            // Every pair at most 10 s apart on a 250 ms grid of 240 steps: 81 partners each, fewer at the edges.
            long pairs = 0;
            for (long left = start; left < start + 60_000; left += 250) {
                for (long right = start; right < start + 60_000; right += 250) {
                    pairs += Math.abs(left - right) <= 10_000 ? 1 : 0;
                }
            }
            assertThat(harness.output()).hasSize((int) pairs);
        }
    }

    /**
     * As in Flink, a buffered element is removed exactly when the watermark reaches its cleanup time ({@code ts +
     * upper} on the left, {@code ts - lower} on the right, never before {@code ts}): an element of the other side
     * that arrives at that watermark, on time, no longer joins it; one watermark earlier it still does.
     */
    @ParameterizedTest(name = "between({0}, {1}), the {2} side buffered")
    @CsvSource({
        "-4, 6, left",
        "-4, 6, right",
        "2, 6, left",
        "-6, -2, right",
        "0, 0, left",
        "0, 0, right",
        "-3, 0, left",
        "0, 3, right"
    })
    void aBufferedElementIsGoneOnceTheWatermarkReachesItsCleanupTime(long lower, long upper, String side)
            throws Exception {
        boolean leftBuffered = side.equals("left");
        long buffered = 100;
        long cleanup = leftBuffered ? buffered + Math.max(upper, 0) : buffered - Math.min(lower, 0);
        // The latest timestamp of the other side that still matches, at or after the cleanup time.
        long other = leftBuffered ? buffered + upper : buffered - lower;
        assertThat(other)
                .as("the case needs a match on time at the cleanup watermark")
                .isGreaterThanOrEqualTo(cleanup);
        assertThat(joinsAfterWatermark(lower, upper, leftBuffered, buffered, other, cleanup - 1))
                .hasSize(1);
        assertThat(joinsAfterWatermark(lower, upper, leftBuffered, buffered, other, cleanup))
                .isEmpty();
    }

    private static List<String> joinsAfterWatermark(
            long lower, long upper, boolean leftBuffered, long buffered, long other, long watermark) throws Exception {
        try (var harness = KeyedTwoInputOperatorHarness.<String, String, String, String>of(
                v -> v.substring(0, 1),
                v -> v.substring(0, 1),
                Serdes.string(),
                Serdes.string(),
                Serdes.string(),
                (left, right) -> left.intervalJoin(right)
                        .between(Duration.ofMillis(lower), Duration.ofMillis(upper))
                        .process(new Pair()))) {
            harness.processWatermark(0);
            if (leftBuffered) {
                harness.processElement1("a-left", buffered);
                harness.processWatermark(watermark);
                harness.processElement2("a-right", other);
            } else {
                harness.processElement2("a-right", buffered);
                harness.processWatermark(watermark);
                harness.processElement1("a-left", other);
            }
            return harness.output();
        }
    }

    /**
     * An element stored exactly at its cleanup time (at the watermark, with {@code upper <= 0} on the left or
     * {@code lower >= 0} on the right) still joins what arrives at that watermark, as Flink's timer registered
     * at the watermark fires only at its next advance (after which whatever it could join is late).
     */
    @ParameterizedTest(name = "between({0}, {1})")
    @CsvSource({"0, 0", "-3, 0", "0, 3"})
    void anElementStoredAtItsCleanupTimeJoinsWhatArrivesAtThatWatermark(long lower, long upper) throws Exception {
        try (var harness = KeyedTwoInputOperatorHarness.<String, String, String, String>of(
                v -> v.substring(0, 1),
                v -> v.substring(0, 1),
                Serdes.string(),
                Serdes.string(),
                Serdes.string(),
                (left, right) -> left.intervalJoin(right)
                        .between(Duration.ofMillis(lower), Duration.ofMillis(upper))
                        .process(new Pair()))) {
            harness.processWatermark(63);
            harness.processElement2("b-right", 63);
            harness.processElement1("b-left", 63);
            assertThat(harness.output()).containsExactly("b-left+b-right");
        }
    }
}
