package io.rivulet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.rivulet.api.DataStream;
import io.rivulet.api.KeyedStream;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;

/** A snapshot of one harness restored into a new one: window contents, timers and the watermark carry over. */
class HarnessSnapshotTest {

    private static DataStream<Long> sums(KeyedStream<Long, String> keyed) {
        return keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .reduce(Long::sum)
                .uid("sums");
    }

    @Test
    void aRestoredHarnessContinuesWhereTheSnapshotWasTaken() throws Exception {
        HarnessSnapshot snapshot;
        try (var original =
                KeyedOperatorHarness.of(value -> "k", Serdes.string(), Serdes.longs(), HarnessSnapshotTest::sums)) {
            original.processElement(1L, 1);
            original.processElement(2L, 12);
            original.processWatermark(9);
            assertThat(original.output()).containsExactly(1L);
            snapshot = original.snapshot();
            original.processElement(100L, 13);
        }
        try (var restored =
                KeyedOperatorHarness.of(value -> "k", Serdes.string(), Serdes.longs(), HarnessSnapshotTest::sums)) {
            restored.restore(snapshot);
            restored.processElement(5L, 3);
            restored.processElement(4L, 14);
            restored.processWatermark(19);
            // 5 at 3 is late (watermark 9 restored); [10,20) holds 2 from before the snapshot and 4.
            assertThat(restored.output()).containsExactly(6L);
        }
    }
}
