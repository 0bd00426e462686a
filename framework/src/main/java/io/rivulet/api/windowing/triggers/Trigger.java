package io.rivulet.api.windowing.triggers;

import java.io.Serializable;

import io.rivulet.api.functions.ReduceFunction;
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

        /**
         * State scoped to the current key and window, of any kind, as Flink's
         * {@code getPartitionedState(StateDescriptor)}: one overload per kind of descriptor.
         */
        <S> ValueState<S> getPartitionedState(ValueStateDescriptor<S> descriptor);

        /** List state scoped to the current key and window. */
        <S> ListState<S> getPartitionedState(ListStateDescriptor<S> descriptor);

        /** Map state scoped to the current key and window. */
        <K, V> MapState<K, V> getPartitionedState(MapStateDescriptor<K, V> descriptor);

        /** Reducing state scoped to the current key and window; it merges with {@link OnMergeContext}. */
        <S> ReducingState<S> getPartitionedState(ReducingStateDescriptor<S> descriptor);

        /** Aggregating state scoped to the current key and window; it merges with {@link OnMergeContext}. */
        <IN, ACC, OUT> AggregatingState<IN, OUT> getPartitionedState(
                AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
    }

    /**
     * The context of {@link Trigger#onMerge}. The {@code mergePartitionedState} calls without a function merge
     * as Flink's do: the merged windows' state is removed and folded into the merged window's (reduced,
     * accumulators merged, or lists appended after the merged window's own elements); a merged window's state
     * is therefore gone by the time its {@link Trigger#clear} runs.
     */
    public interface OnMergeContext extends TriggerContext {

        /** Reduces the merged windows' values into the merged window's with the descriptor's reduce function. */
        <S> void mergePartitionedState(ReducingStateDescriptor<S> descriptor) throws Exception;

        /** Merges the merged windows' accumulators into the merged window's with the aggregate's {@code merge}. */
        <IN, ACC, OUT> void mergePartitionedState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) throws Exception;

        /** Appends the merged windows' elements to the merged window's. */
        <S> void mergePartitionedState(ListStateDescriptor<S> descriptor) throws Exception;

        /**
         * Combines the state named by {@code descriptor} of the merged windows into the merged window's,
         * with {@code merge} (for example the sum of counts); the merged windows' values are removed, as above.
         * Windows without a value are left out: the descriptor's default value takes no part.
         */
        <S> void mergePartitionedState(ValueStateDescriptor<S> descriptor, ReduceFunction<S> merge) throws Exception;
    }
}
