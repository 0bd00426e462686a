package io.rivulet.internal.runtime;

import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.state.AggregatingState;
import io.rivulet.api.state.AggregatingStateDescriptor;
import io.rivulet.api.state.ListState;
import io.rivulet.api.state.ListStateDescriptor;
import io.rivulet.api.state.MapState;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.OperatorStateStore;
import io.rivulet.api.state.ReducingState;
import io.rivulet.api.state.ReducingStateDescriptor;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.internal.operators.BroadcastStates;

/**
 * The runtime context of a keyed operator's function: keyed state of the current key, state of the whole task
 * for broadcast state, and where it runs.
 */
final class OperatorRuntimeContext implements RuntimeContext, BroadcastStates {

    private static final byte[] WHOLE_TASK = new byte[0];


    private final String uid;
    private final TaskContext context;
    private final ScopedStateStore keyedState;
    private final ScopedStateStore broadcastState;
    private final ScopedStateStore operatorState;

    OperatorRuntimeContext(String uid, TaskContext context) {
        this.uid = uid;
        this.context = context;
        this.keyedState = new ScopedStateStore(context, uid, "", context::currentKeyBytes, true);
        this.broadcastState = new ScopedStateStore(context, uid, "broadcast/", () -> WHOLE_TASK, true);
        this.operatorState = new ScopedStateStore(context, uid, "operator/", () -> WHOLE_TASK, true);
    }

    /** The keyed states the function asked for, to sweep those with a background TTL cleanup. */
    ScopedStateStore keyedState() {
        return keyedState;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return keyedState.getState(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return keyedState.getListState(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        return keyedState.getMapState(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return keyedState.getReducingState(descriptor);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return keyedState.getAggregatingState(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> broadcastState(MapStateDescriptor<K, V> descriptor) {
        return broadcastState.getMapState(descriptor);
    }

    @Override
    public OperatorStateStore getOperatorStateStore() {
        return operatorState::getListState;
    }

    @Override
    public String operatorUid() {
        return uid;
    }

    @Override
    public String taskId() {
        return context.taskId().toString();
    }
}
