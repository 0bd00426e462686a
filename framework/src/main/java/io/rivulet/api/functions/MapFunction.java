package io.rivulet.api.functions;

/** Turns each element into exactly one element. An exception goes to the processing-error handler. */
@FunctionalInterface
public interface MapFunction<T, R> {
    R map(T value) throws Exception;
}
