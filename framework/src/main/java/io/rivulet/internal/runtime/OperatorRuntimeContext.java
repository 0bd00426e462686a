package io.rivulet.internal.runtime;

import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;

/** The runtime context of a keyed operator's function: keyed state of the current key, and where it runs. */
final class OperatorRuntimeContext implements RuntimeContext {

    private final String uid;
    private final TaskContext context;
    private final ScopedStateStore keyedState;

    OperatorRuntimeContext(String uid, TaskContext context) {
        this.uid = uid;
        this.context = context;
        this.keyedState = new ScopedStateStore(context, uid, "", context::currentKeyBytes);
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return keyedState.getState(descriptor);
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
