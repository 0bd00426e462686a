package io.rivulet.api.functions;

import io.rivulet.api.state.KeyedStateStore;
import io.rivulet.api.state.OperatorStateStore;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;

/** What a rich function sees of the runtime: its keyed state and where it runs. */
public interface RuntimeContext extends KeyedStateStore {

    /**
     * Returns the keyed value state named by the descriptor. The handle is scoped to the key of the element
     * (or timer) being processed; get it once in {@code open} and use it for every key.
     *
     * @throws IllegalArgumentException if another state of this operator has the same name
     */
    @Override
    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    /**
     * State of this operator instance in its task (not of a key). Operators on a stream that is not keyed need
     * a {@code uid(...)} to have it.
     */
    OperatorStateStore getOperatorStateStore();

    /** The uid of the operator, as set with {@code uid(...)}. */
    String operatorUid();

    /** The task this instance of the function runs in, e.g. {@code 1_3} (sub-topology 1, partition 3). */
    String taskId();
}
