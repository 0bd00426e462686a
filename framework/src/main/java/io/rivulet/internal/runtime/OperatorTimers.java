package io.rivulet.internal.runtime;

/**
 * The timers of one keyed operator, in event time and processing time, and the operator's event time: the
 * last watermark it was advanced to, which is what lateness is judged against.
 */
final class OperatorTimers {

    private final TimerQueue event;
    private final TimerQueue processing;
    private long watermark = Long.MIN_VALUE;

    OperatorTimers(String uid, TaskContext context) {
        this.event = new TimerQueue(ChangelogFormat.stateName(uid, "timers/event"), context);
        this.processing = new TimerQueue(ChangelogFormat.stateName(uid, "timers/processing"), context);
    }

    TimerQueue event() {
        return event;
    }

    TimerQueue processing() {
        return processing;
    }

    long watermark() {
        return watermark;
    }

    /**
     * Moves event time to {@code watermark} and returns the next due event-time timer, or null; call until
     * null, so that timers registered while firing fire too when due.
     */
    InternalTimer nextEventTimer(long newWatermark) {
        watermark = Math.max(watermark, newWatermark);
        return event.pollDue(watermark);
    }
}
