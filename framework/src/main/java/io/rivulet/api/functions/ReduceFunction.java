package io.rivulet.api.functions;

import java.io.Serializable;

/** Combines two values of one type into one; must be associative, as windows reduce incrementally. */
@FunctionalInterface
public interface ReduceFunction<T> extends Serializable {

    T reduce(T value1, T value2) throws Exception;
}
