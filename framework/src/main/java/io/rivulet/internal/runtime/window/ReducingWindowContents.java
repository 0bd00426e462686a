package io.rivulet.internal.runtime.window;

import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.internal.runtime.state.TaskServices;

/** A window of a {@code reduce}: the reduced value only. */
public final class ReducingWindowContents extends StoredWindowContents<Object> {

    private final ReduceFunction<Object> reduce;

    public ReducingWindowContents(
            TaskServices services, String stateName, Serde<Object> elementSerde, ReduceFunction<Object> reduce) {
        super(services, stateName, elementSerde);
        this.reduce = reduce;
    }

    @Override
    public void add(byte[] namespace, Object element, long timestamp) throws Exception {
        Object current = get(namespace);
        put(namespace, current == null ? element : reduce.reduce(current, element));
    }

    @Override
    public Object combine(Object left, Object right) throws Exception {
        return reduce.reduce(left, right);
    }
}
