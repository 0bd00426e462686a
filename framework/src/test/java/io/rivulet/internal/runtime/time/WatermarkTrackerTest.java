package io.rivulet.internal.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WatermarkTrackerTest {

    @Test
    void theTaskWatermarkIsTheMinimumOverActiveInputsAndNeverGoesBack() {
        WatermarkTracker tracker = new WatermarkTracker(2);
        assertThat(tracker.update(0, 100)).isFalse();
        assertThat(tracker.current()).isEqualTo(Long.MIN_VALUE);
        assertThat(tracker.update(1, 50)).isTrue();
        assertThat(tracker.current()).isEqualTo(50);
        assertThat(tracker.update(1, 40)).isFalse();
        assertThat(tracker.current()).isEqualTo(50);
        assertThat(tracker.update(1, 150)).isTrue();
        assertThat(tracker.current()).isEqualTo(100);
    }

    @Test
    void anIdleInputNoLongerHoldsBackAndRejoinsOnceCaughtUp() {
        WatermarkTracker tracker = new WatermarkTracker(2);
        tracker.update(0, 10);
        tracker.update(1, 10);
        tracker.update(0, 500);
        assertThat(tracker.current()).isEqualTo(10);

        assertThat(tracker.markIdle(1)).isTrue();
        assertThat(tracker.current()).isEqualTo(500);

        // Back from idle behind the task's watermark: not in the minimum until it catches up.
        assertThat(tracker.update(1, 200)).isFalse();
        assertThat(tracker.current()).isEqualTo(500);
        tracker.update(0, 900);
        assertThat(tracker.current()).isEqualTo(900);
        tracker.update(1, 600);
        tracker.update(0, 1000);
        assertThat(tracker.current()).isEqualTo(1000);
        tracker.update(1, 1200);
        tracker.update(0, 2000);
        assertThat(tracker.current()).isEqualTo(1200);
    }

    @Test
    void whenTheLastActiveInputGoesIdleEventTimeMovesToTheHighestInputWatermark() {
        WatermarkTracker tracker = new WatermarkTracker(2);
        tracker.update(0, 300);
        assertThat(tracker.markIdle(0)).isFalse();
        assertThat(tracker.current()).isEqualTo(Long.MIN_VALUE);
        assertThat(tracker.markIdle(1)).isTrue();
        assertThat(tracker.current()).isEqualTo(300);
    }

    @Test
    void resumesFromItsEncodedStateAndIgnoresAnotherShape() {
        WatermarkTracker tracker = new WatermarkTracker(2);
        tracker.update(0, 300);
        tracker.update(1, 200);
        WatermarkTracker resumed = new WatermarkTracker(2);
        resumed.restore(tracker.encode());
        assertThat(resumed.current()).isEqualTo(200);
        assertThat(resumed.update(1, 250)).isTrue();
        assertThat(resumed.current()).isEqualTo(250);

        WatermarkTracker otherShape = new WatermarkTracker(3);
        otherShape.restore(tracker.encode());
        otherShape.restore(null);
        otherShape.restore("something else");
        assertThat(otherShape.current()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void allIdleInputsKeepTheWatermark() {
        WatermarkTracker tracker = new WatermarkTracker(2);
        tracker.update(0, 5);
        tracker.update(1, 7);
        tracker.markIdle(0);
        tracker.markIdle(1);
        assertThat(tracker.allIdle()).isTrue();
        assertThat(tracker.current()).isEqualTo(7);
    }
}
