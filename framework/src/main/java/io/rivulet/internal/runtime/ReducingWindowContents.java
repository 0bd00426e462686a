package io.rivulet.internal.runtime;

import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.serde.Serde;

/** A window of a {@code reduce}: the reduced value only. */
final class ReducingWindowContents extends StoredWindowContents<Object> {

    private final ReduceFunction<Object> reduce;

    ReducingWindowContents(TaskContext context, String stateName, Serde<Object> elementSerde, ReduceFunction<Object> reduce) {
        super(context, stateName, elementSerde);
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
