package io.rivulet.api.windowing.evictors;

import java.io.Serializable;

/** The distance between two elements, for {@link DeltaEvictor}. */
@FunctionalInterface
public interface DeltaFunction<T> extends Serializable {

    double getDelta(T oldPoint, T newPoint);
}
