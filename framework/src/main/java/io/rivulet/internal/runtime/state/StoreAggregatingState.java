package io.rivulet.internal.runtime.state;

import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.AggregatingState;

/** An aggregating state: the accumulator, one entry per scope. */
public final class StoreAggregatingState<IN, ACC, OUT> implements AggregatingState<IN, OUT>, MergeableState<ACC> {

    private final StateAccess access;
    private final AggregateFunction<IN, ACC, OUT> aggregate;
    private final Serde<ACC> serde;

    public StoreAggregatingState(StateAccess access, AggregateFunction<IN, ACC, OUT> aggregate, Serde<ACC> serde) {
        this.access = access;
        this.aggregate = aggregate;
        this.serde = serde;
    }

    private ACC accumulator() {
        byte[] bytes = access.get(access.scope());
        return bytes == null ? null : access.decode(serde, bytes);
    }

    @Override
    public OUT get() {
        ACC accumulator = accumulator();
        return accumulator == null ? null : aggregate.getResult(accumulator);
    }

    @Override
    public void add(IN value) {
        ACC accumulator = accumulator();
        access.put(
                access.scope(),
                serde.serialize(
                        aggregate.add(value, accumulator == null ? aggregate.createAccumulator() : accumulator)));
    }

    @Override
    public void clear() {
        access.delete(access.scope());
    }

    @Override
    public ACC take() {
        ACC accumulator = accumulator();
        if (accumulator != null) {
            clear();
        }
        return accumulator;
    }

    @Override
    public ACC combine(ACC first, ACC second) {
        return aggregate.merge(first, second);
    }

    @Override
    public void addMerged(ACC contents) {
        ACC accumulator = accumulator();
        access.put(access.scope(), serde.serialize(accumulator == null ? contents : combine(accumulator, contents)));
    }
}
