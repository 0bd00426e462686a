package io.rivulet.internal.runtime;

import io.rivulet.api.functions.TimerService;

/** The timer service of a keyed process function: timers of the current key, without namespace. */
final class KeyedTimerService implements TimerService {

    private static final byte[] NO_NAMESPACE = new byte[0];

    private final TaskContext context;
    private final OperatorTimers timers;

    KeyedTimerService(TaskContext context, OperatorTimers timers) {
        this.context = context;
        this.timers = timers;
    }

    @Override
    public long currentProcessingTime() {
        return context.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.watermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.processing().register(time, context.currentKeyBytes(), NO_NAMESPACE);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.event().register(time, context.currentKeyBytes(), NO_NAMESPACE);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.processing().delete(time, context.currentKeyBytes(), NO_NAMESPACE);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.event().delete(time, context.currentKeyBytes(), NO_NAMESPACE);
    }
}
