package io.rivulet.api.state;

/** An accumulator per key that every {@link #add} updates; {@link #get} is the aggregate's result. */
public interface AggregatingState<IN, OUT> {

    /** The result for the current key, or null if nothing was added. */
    OUT get();

    void add(IN value);

    void clear();
}
