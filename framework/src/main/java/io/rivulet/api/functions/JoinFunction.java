package io.rivulet.api.functions;

import java.io.Serializable;

/** Joins one element of each side of a window join. */
@FunctionalInterface
public interface JoinFunction<A, B, O> extends Serializable {

    O join(A first, B second) throws Exception;
}
