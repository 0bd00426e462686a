package io.rivulet.internal.graph;

import io.rivulet.api.functions.Collector;

/** The stateless operators (map, filter, flatMap) in one shape: an element in, zero or more out. */
@FunctionalInterface
public interface RecordFunction {
    void apply(Object value, Collector<Object> out) throws Exception;
}
