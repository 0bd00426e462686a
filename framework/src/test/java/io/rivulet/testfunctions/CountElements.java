package io.rivulet.testfunctions;

import io.rivulet.api.functions.AggregateFunction;

/** Counts the elements of a window; merging windows add their counts. */
public final class CountElements<T> implements AggregateFunction<T, Long, Long> {

    private static final long serialVersionUID = 1L;

    @Override
    public Long createAccumulator() {
        return 0L;
    }

    @Override
    public Long add(T value, Long accumulator) {
        return accumulator + 1;
    }

    @Override
    public Long getResult(Long accumulator) {
        return accumulator;
    }

    @Override
    public Long merge(Long a, Long b) {
        return a + b;
    }
}
