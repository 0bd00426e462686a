package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.Serdes;
import io.rivulet.testing.KeyedOperatorHarness;

/** The per-minute windows with the operator test harness: watermarks set by hand, no broker. */
class PerMinuteTotalsTest {

    private static final long MINUTE = 60_000;

    @Test
    void aMinuteIsEmittedOnceTheWatermarkPassesItsEndAndLateOrdersGoAside() throws Exception {
        try (var harness = KeyedOperatorHarness.of(Order::customer, Serdes.string(), Order.SERDE, OrderTotalsJob::perMinute)) {
            harness.processElement(new Order("alice", 1000, 10_000), 10_000);
            harness.processElement(new Order("alice", 500, 50_000), 50_000);
            harness.processElement(new Order("alice", 7, MINUTE + 1), MINUTE + 1);
            harness.processWatermark(MINUTE - 2);
            assertThat(harness.output()).isEmpty();
            harness.processWatermark(MINUTE - 1);
            assertThat(harness.output()).containsExactly(KeyValue.of("alice", new MinuteTotal("alice", 0, MINUTE, 1500, 2)));

            Order late = new Order("alice", 1, 30_000);
            harness.processElement(late, late.ts());
            assertThat(harness.sideOutput(OrderTotalsJob.LATE)).containsExactly(late);
        }
    }
}
