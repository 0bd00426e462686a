package io.rivulet.api.windowing.triggers;

import java.io.Serializable;

import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.api.windowing.windows.Window;

/**
 * Decides when a window is evaluated and when its contents are purged, as in Flink. The trigger is called
 * for every element added to a window and for every timer it registered; it keeps what it needs in state
 * scoped to the key and window ({@link TriggerContext#getPartitionedState}), which is checkpointed with the
 * window contents. A trigger must release its state and timers in {@link #clear}.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public abstract class Trigger<T, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Called for every element assigned to {@code window}. */
    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    /** Called when a processing-time timer registered by this trigger fires. */
    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Called when an event-time timer registered by this trigger fires. */
    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Whether this trigger supports merging windows (session windows need it). */
    public boolean canMerge() {
        return false;
    }

    /**
     * Called when windows merged into {@code window}: merge the state of the merged windows and register
     * the timers the merged window needs. The merged windows are {@link #clear cleared} afterwards.
     */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows");
    }

    /** Called when the window is dropped: delete the state and the timers this trigger holds for it. */
    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /** What a trigger can do: read time, register timers and keep state for its key and window. */
    public interface TriggerContext {

        long getCurrentProcessingTime();

        /** The operator's current event-time watermark. */
        long getCurrentWatermark();

        /** Calls {@link Trigger#onProcessingTime} once the processing-time clock passes {@code time}. */
        void registerProcessingTimeTimer(long time);

        /** Calls {@link Trigger#onEventTime} once the watermark reaches {@code time}. */
        void registerEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        /** State scoped to the current key and window. */
        <S> ValueState<S> getPartitionedState(ValueStateDescriptor<S> descriptor);
    }

    /** The context of {@link Trigger#onMerge}. */
    public interface OnMergeContext extends TriggerContext {

        /**
         * Combines the state named by {@code descriptor} of the merged windows into the merged window's,
         * with {@code merge} (for example the sum of counts).
         */
        <S> void mergePartitionedState(ValueStateDescriptor<S> descriptor, ReduceFunction<S> merge) throws Exception;
    }
}
