package io.rivulet.api.functions;

/** Keeps the elements for which it returns {@code true}. An exception goes to the processing-error handler. */
@FunctionalInterface
public interface FilterFunction<T> {
    boolean filter(T value) throws Exception;
}
