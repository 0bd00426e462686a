package io.rivulet.internal.runtime.window;

import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.internal.runtime.state.TaskServices;

/** A window of an {@code aggregate}: the accumulator only. */
public final class AggregatingWindowContents extends StoredWindowContents<Object> {

    private final AggregateFunction<Object, Object, Object> aggregate;

    public AggregatingWindowContents(
            TaskServices services,
            String stateName,
            Serde<Object> accumulatorSerde,
            AggregateFunction<Object, Object, Object> aggregate) {
        super(services, stateName, accumulatorSerde);
        this.aggregate = aggregate;
    }

    @Override
    public void add(byte[] namespace, Object element, long timestamp) {
        Object current = get(namespace);
        put(namespace, aggregate.add(element, current == null ? aggregate.createAccumulator() : current));
    }

    @Override
    public Object combine(Object left, Object right) {
        return aggregate.merge(left, right);
    }
}
