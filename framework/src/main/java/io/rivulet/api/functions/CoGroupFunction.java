package io.rivulet.api.functions;

import java.io.Serializable;

/**
 * Combines the elements of both inputs of a co-group that share a key and a window, as Flink's: called once per key
 * and firing of a window with every element of either input in it, in arrival order. One of the two may be empty
 * (a key that only one input had in the window), never both. A window join is a co-group whose function joins every
 * pair.
 *
 * @param <A> the first input's element type
 * @param <B> the second input's element type
 * @param <O> the output element type
 */
@FunctionalInterface
public interface CoGroupFunction<A, B, O> extends Serializable {

    void coGroup(Iterable<A> first, Iterable<B> second, Collector<O> out) throws Exception;
}
