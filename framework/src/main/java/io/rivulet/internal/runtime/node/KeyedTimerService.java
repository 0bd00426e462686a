package io.rivulet.internal.runtime.node;

import io.rivulet.api.functions.TimerService;
import io.rivulet.internal.runtime.state.TaskServices;
import io.rivulet.internal.runtime.time.OperatorTimers;

/** The timer service of a keyed process function: timers of the current key, without namespace. */
public final class KeyedTimerService implements TimerService {

    private static final byte[] NO_NAMESPACE = new byte[0];

    private final TaskServices services;
    private final OperatorTimers timers;
    private final KeyContext key;

    public KeyedTimerService(TaskServices services, OperatorTimers timers, KeyContext key) {
        this.services = services;
        this.timers = timers;
        this.key = key;
    }

    @Override
    public long currentProcessingTime() {
        return services.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.watermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.processing().register(time, key.keyBytes(), NO_NAMESPACE);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.event().register(time, key.keyBytes(), NO_NAMESPACE);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.processing().delete(time, key.keyBytes(), NO_NAMESPACE);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.event().delete(time, key.keyBytes(), NO_NAMESPACE);
    }
}
