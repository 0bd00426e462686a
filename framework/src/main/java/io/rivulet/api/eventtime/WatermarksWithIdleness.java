package io.rivulet.api.eventtime;

import java.time.Duration;
import java.time.InstantSource;

/**
 * Marks its input idle when no element arrived for longer than the idle timeout, so that a quiet partition does
 * not hold back the task's watermark. As in Flink, the generator never calls {@link WatermarkOutput#markActive}:
 * the input is active again with the first watermark it emits after an element. The timing is Flink's
 * {@code WatermarksWithIdleness}: the idle timer starts at the first periodic emit that finds no element since
 * the one before, and the input is declared idle at the first periodic emit at which more than the timeout has
 * passed since then (by the given clock). Until then the wrapped generator emits as usual.
 */
public final class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {

    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final WatermarkGenerator<T> watermarks;
    private final long idleTimeoutMillis;
    private final InstantSource clock;
    private long events;
    private long eventsAtLastEmit;
    private long inactiveSinceMillis = NOT_STARTED;
    private boolean idle;

    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, InstantSource clock) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive: " + idleTimeout);
        }
        this.watermarks = watermarks;
        this.idleTimeoutMillis = idleTimeout.toMillis();
        this.clock = clock;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, output);
        events++;
        idle = false;
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (idleNow()) {
            if (!idle) {
                idle = true;
                output.markIdle();
            }
            return;
        }
        watermarks.onPeriodicEmit(output);
    }

    private boolean idleNow() {
        if (events != eventsAtLastEmit) {
            eventsAtLastEmit = events;
            inactiveSinceMillis = NOT_STARTED;
            return false;
        }
        if (inactiveSinceMillis == NOT_STARTED) {
            inactiveSinceMillis = clock.millis();
            return false;
        }
        return clock.millis() - inactiveSinceMillis > idleTimeoutMillis;
    }
}
