package io.rivulet.internal.runtime.node;

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
import io.rivulet.internal.operators.SortedMapState;
import io.rivulet.internal.runtime.state.ScopedStateStore;
import io.rivulet.internal.runtime.state.TaskServices;
import io.rivulet.internal.state.StateNames;

/**
 * The runtime context of an operator's function that has a uid: keyed state of the operator's current key,
 * operator state and broadcast state of the whole task, and where it runs.
 */
public final class OperatorRuntimeContext implements RuntimeContext {

    private static final byte[] WHOLE_TASK = new byte[0];

    private final String uid;
    private final TaskServices services;
    private final ScopedStateStore keyedState;
    private final ScopedStateStore broadcastState;
    private final ScopedStateStore operatorState;

    public OperatorRuntimeContext(String uid, TaskServices services, KeyContext key) {
        this.uid = uid;
        this.services = services;
        this.keyedState = new ScopedStateStore(services, uid, "", key::stateScope, true);
        this.broadcastState = new ScopedStateStore(services, uid, StateNames.BROADCAST, () -> WHOLE_TASK, true);
        this.operatorState = new ScopedStateStore(services, uid, StateNames.OPERATOR, () -> WHOLE_TASK, true);
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
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return keyedState.getAggregatingState(descriptor);
    }

    public <K, V> SortedMapState<K, V> getSortedMapState(MapStateDescriptor<K, V> descriptor) {
        return keyedState.getSortedMapState(descriptor);
    }

    public <K, V> MapState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
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
        return services.taskId().toString();
    }
}
