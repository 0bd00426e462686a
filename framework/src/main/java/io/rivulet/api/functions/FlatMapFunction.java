package io.rivulet.api.functions;

/**
 * Turns each element into zero or more elements. If it throws, nothing it collected for that element is
 * emitted: the element's output is all or nothing.
 */
@FunctionalInterface
public interface FlatMapFunction<T, R> {
    void flatMap(T value, Collector<R> out) throws Exception;
}
