package io.rivulet.api.windowing.assigners;

import java.io.Serializable;

/** Computes the session gap from an element, for dynamic session windows. */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {

    /** The gap in milliseconds; must be positive. */
    long extract(T element);
}
