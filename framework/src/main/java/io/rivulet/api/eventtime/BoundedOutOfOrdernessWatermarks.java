package io.rivulet.api.eventtime;

import java.time.Duration;

/**
 * Flink's arithmetic: tracks the highest timestamp seen and periodically emits
 * {@code maxTimestamp - outOfOrderness - 1}, so that elements up to {@code outOfOrderness} late are not late.
 * With a bound of zero this is the monotonous-timestamps generator.
 */
public final class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {

    private final long outOfOrdernessMillis;
    private long maxTimestamp;

    public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("the out-of-orderness bound cannot be negative: " + maxOutOfOrderness);
        }
        this.outOfOrdernessMillis = maxOutOfOrderness.toMillis();
        // Chosen so that the first periodic emit (before any event) yields Long.MIN_VALUE, not an underflow.
        this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(maxTimestamp - outOfOrdernessMillis - 1);
    }
}
