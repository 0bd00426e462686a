package io.rivulet.api.functions;

/** Receives the elements a function emits. */
@FunctionalInterface
public interface Collector<T> {
    void collect(T record);
}
