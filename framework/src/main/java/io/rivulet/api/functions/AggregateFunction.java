package io.rivulet.api.functions;

import java.io.Serializable;

/**
 * Aggregates elements incrementally through an accumulator, as Flink's {@code AggregateFunction}: a window
 * keeps only the accumulator, never the elements.
 *
 * @param <IN> the element type
 * @param <ACC> the accumulator type, stored in state with the serde given to {@code aggregate(...)}
 * @param <OUT> the result type
 */
public interface AggregateFunction<IN, ACC, OUT> extends Serializable {

    ACC createAccumulator();

    /** Adds an element; may update and return {@code accumulator} or return a new one. */
    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    /** Combines two accumulators, when session windows merge. */
    ACC merge(ACC a, ACC b);
}
