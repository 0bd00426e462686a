package io.rivulet.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.rivulet.api.DataStream;
import io.rivulet.api.WindowedStream;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.evictors.CountEvictor;
import io.rivulet.api.windowing.evictors.TimestampedValue;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.testing.KeyedOperatorHarness;

/**
 * {@code sum}, {@code min}, {@code max}, {@code minBy} and {@code maxBy} over windows: as in Flink, each is the
 * window {@code reduce} with the aggregator of the rolling version, so the window's first element keeps its other
 * fields and the result carries the window's {@code maxTimestamp}.
 */
class WindowAggregationTest {

    public record Trade(String account, int qty, long notional) {}

    private static final List<Trade> WINDOW = List.of(
            new Trade("a", 5, 1),
            new Trade("a", 3, 2),
            new Trade("a", 3, 3),
            new Trade("a", 7, 4),
            new Trade("a", 7, 5));

    private static List<TimestampedValue<Trade>> fire(
            Function<WindowedStream<Trade, String, TimeWindow>, DataStream<Trade>> aggregation) throws Exception {
        try (var harness = KeyedOperatorHarness.of(
                Trade::account,
                Serdes.string(),
                Serdes.json(Trade.class),
                keyed -> aggregation.apply(keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))))) {
            long timestamp = 1;
            for (Trade trade : WINDOW) {
                harness.processElement(trade, timestamp++);
            }
            harness.processElement(new Trade("a", 100, 6), 12);
            harness.processWatermark(19);
            return harness.outputWithTimestamps();
        }
    }

    @Test
    void sumMinAndMaxKeepTheWindowsFirstElementWithTheAggregatedField() throws Exception {
        assertThat(fire(w -> w.sum("qty")))
                .containsExactly(
                        new TimestampedValue<>(new Trade("a", 25, 1), 9),
                        new TimestampedValue<>(new Trade("a", 100, 6), 19));
        assertThat(fire(w -> w.min("qty")))
                .containsExactly(
                        new TimestampedValue<>(new Trade("a", 3, 1), 9),
                        new TimestampedValue<>(new Trade("a", 100, 6), 19));
        assertThat(fire(w -> w.max("qty")))
                .containsExactly(
                        new TimestampedValue<>(new Trade("a", 7, 1), 9),
                        new TimestampedValue<>(new Trade("a", 100, 6), 19));
    }

    @Test
    void minByAndMaxByReturnTheWindowsElementResolvingTiesByFirst() throws Exception {
        assertThat(fire(w -> w.minBy("qty")))
                .extracting(v -> v.value().notional())
                .containsExactly(2L, 6L);
        assertThat(fire(w -> w.minBy("qty", false)))
                .extracting(v -> v.value().notional())
                .containsExactly(3L, 6L);
        assertThat(fire(w -> w.maxBy("qty")))
                .extracting(v -> v.value().notional())
                .containsExactly(4L, 6L);
        assertThat(fire(w -> w.maxBy("qty", false)))
                .extracting(v -> v.value().notional())
                .containsExactly(5L, 6L);
    }

    @Test
    void withAnEvictorTheAggregationRunsOverTheElementsKept() throws Exception {
        // Flink reduces the evicted window in order, so the first element kept is the one whose fields survive.
        assertThat(fire(w -> w.evictor(CountEvictor.of(2)).sum("qty")))
                .containsExactly(
                        new TimestampedValue<>(new Trade("a", 14, 4), 9),
                        new TimestampedValue<>(new Trade("a", 100, 6), 19));
    }

    @Test
    void aFieldThatCannotBeAggregatedFailsWhenTheJobIsBuilt() {
        assertThatThrownBy(() -> fire(w -> w.sum("account")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sum(\"account\"): the field account of " + Trade.class.getName()
                        + " is a java.lang.String, which sum cannot add");
        assertThatThrownBy(() -> fire(w -> w.maxBy("quantity")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBy(\"quantity\"): " + Trade.class.getName()
                        + " has no field \"quantity\" (its fields: account, qty, notional)");
    }
}
