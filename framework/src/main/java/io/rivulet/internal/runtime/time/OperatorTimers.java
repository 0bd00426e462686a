package io.rivulet.internal.runtime.time;

import io.rivulet.internal.runtime.state.TaskServices;
import io.rivulet.internal.state.StateNames;

/**
 * The timers of one keyed operator, in event time and processing time, and the operator's event time: the
 * last watermark it was advanced to, which is what lateness is judged against.
 */
public final class OperatorTimers {

    private final TimerQueue event;
    private final TimerQueue processing;
    private long watermark = Long.MIN_VALUE;

    public OperatorTimers(String uid, TaskServices services) {
        this.event = new TimerQueue(StateNames.of(uid, "timers/event"), services);
        this.processing = new TimerQueue(StateNames.of(uid, "timers/processing"), services);
    }

    public TimerQueue event() {
        return event;
    }

    public TimerQueue processing() {
        return processing;
    }

    public long watermark() {
        return watermark;
    }

    /**
     * Moves event time to {@code watermark} and returns the next due event-time timer, or null; call until
     * null, so that timers registered while firing fire too when due.
     */
    public InternalTimer nextEventTimer(long newWatermark) {
        watermark = Math.max(watermark, newWatermark);
        return event.pollDue(watermark);
    }
}
