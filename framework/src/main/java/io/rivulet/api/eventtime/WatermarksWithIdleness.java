package io.rivulet.api.eventtime;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Marks its input idle when no element arrived for the idle timeout (by the given clock), so that a quiet
 * partition does not hold back the task's watermark; the next element makes it active again.
 */
public final class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {

    private final WatermarkGenerator<T> watermarks;
    private final long idleTimeoutMillis;
    private final InstantSource clock;
    private long lastEventMillis;
    private boolean idle;

    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, InstantSource clock) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive: " + idleTimeout);
        }
        this.watermarks = watermarks;
        this.idleTimeoutMillis = idleTimeout.toMillis();
        this.clock = clock;
        this.lastEventMillis = clock.millis();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, output);
        lastEventMillis = clock.millis();
        if (idle) {
            idle = false;
            output.markActive();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (clock.millis() - lastEventMillis >= idleTimeoutMillis) {
            if (!idle) {
                idle = true;
                output.markIdle();
            }
            return;
        }
        watermarks.onPeriodicEmit(output);
    }
}
