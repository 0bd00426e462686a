package io.rivulet.internal.runtime.window;

import java.util.Collection;
import java.util.List;

import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.AggregatingState;
import io.rivulet.api.state.AggregatingStateDescriptor;
import io.rivulet.api.state.ListState;
import io.rivulet.api.state.ListStateDescriptor;
import io.rivulet.api.state.MapState;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ReducingState;
import io.rivulet.api.state.ReducingStateDescriptor;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.Window;
import io.rivulet.internal.runtime.state.MergeableState;
import io.rivulet.internal.runtime.state.ScopedStateStore;
import io.rivulet.internal.runtime.state.TaskServices;
import io.rivulet.internal.runtime.time.OperatorTimers;
import io.rivulet.internal.state.StateKeys;

/**
 * The context a window operator gives its trigger, pointed at one key and window at a time: timers go to the
 * operator's timer queues with the window as namespace, state to {@code <uid>/trigger/<name>} scoped to
 * (key, window).
 */
public final class WindowTriggerContext implements Trigger.OnMergeContext {

    private final TaskServices services;
    private final OperatorTimers timers;
    private final Serde<Window> windowSerde;
    private final ScopedStateStore state;
    private byte[] key;
    private Window window;
    private byte[] windowBytes;
    private Collection<Window> mergedWindows = List.of();

    public WindowTriggerContext(TaskServices services, String uid, OperatorTimers timers, Serde<Window> windowSerde) {
        this.services = services;
        this.timers = timers;
        this.windowSerde = windowSerde;
        this.state =
                new ScopedStateStore(services, uid, "trigger/", () -> StateKeys.namespaced(key, windowBytes), false);
    }

    public WindowTriggerContext on(byte[] key, Window window) {
        return on(key, window, windowSerde.serialize(window));
    }

    /** Points the context at {@code window}, whose bytes the caller has at hand already. */
    public WindowTriggerContext on(byte[] key, Window window, byte[] bytes) {
        this.key = key;
        this.window = window;
        this.windowBytes = bytes;
        this.mergedWindows = List.of();
        return this;
    }

    public WindowTriggerContext merging(Collection<Window> merged) {
        this.mergedWindows = merged;
        return this;
    }

    @Override
    public long getCurrentProcessingTime() {
        return services.currentProcessingTime();
    }

    @Override
    public long getCurrentWatermark() {
        return timers.watermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.processing().register(time, key, windowBytes);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.event().register(time, key, windowBytes);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.processing().delete(time, key, windowBytes);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.event().delete(time, key, windowBytes);
    }

    @Override
    public <S> ValueState<S> getPartitionedState(ValueStateDescriptor<S> descriptor) {
        return state.getState(descriptor);
    }

    @Override
    public <S> ListState<S> getPartitionedState(ListStateDescriptor<S> descriptor) {
        return state.getListState(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> getPartitionedState(MapStateDescriptor<K, V> descriptor) {
        return state.getMapState(descriptor);
    }

    @Override
    public <S> ReducingState<S> getPartitionedState(ReducingStateDescriptor<S> descriptor) {
        return state.getReducingState(descriptor);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getPartitionedState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return state.getAggregatingState(descriptor);
    }

    @Override
    public <S> void mergePartitionedState(ReducingStateDescriptor<S> descriptor) throws Exception {
        mergeIntoWindow(state.getReducingState(descriptor));
    }

    @Override
    public <IN, ACC, OUT> void mergePartitionedState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor)
            throws Exception {
        mergeIntoWindow(state.getAggregatingState(descriptor));
    }

    @Override
    public <S> void mergePartitionedState(ListStateDescriptor<S> descriptor) throws Exception {
        mergeIntoWindow(state.getListState(descriptor));
    }

    @Override
    public <S> void mergePartitionedState(ValueStateDescriptor<S> descriptor, ReduceFunction<S> merge)
            throws Exception {
        mergeIntoWindow(state.getReducingState(descriptor, merge));
    }

    /**
     * Moves the merged windows' contents of {@code handle} into the current window's. The handle reads the
     * scope {@link #windowBytes} names, so pointing that at each merged window in turn reads its contents.
     */
    private <C> void mergeIntoWindow(MergeableState<C> handle) throws Exception {
        C merged = null;
        byte[] target = windowBytes;
        try {
            for (Window source : mergedWindows) {
                if (source.equals(window)) {
                    continue;
                }
                windowBytes = windowSerde.serialize(source);
                C contents = handle.take();
                if (contents != null) {
                    merged = merged == null ? contents : handle.combine(merged, contents);
                }
            }
        } finally {
            windowBytes = target;
        }
        if (merged != null) {
            handle.addMerged(merged);
        }
    }
}
