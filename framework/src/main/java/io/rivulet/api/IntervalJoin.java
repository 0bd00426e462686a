package io.rivulet.api;

import java.time.Duration;
import java.util.Objects;

import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.ProcessJoinFunction;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.KeyedProcessTransformation;

/**
 * An interval join of two keyed streams on event time, as Flink's: a left element at {@code t} joins every
 * right element of the same key with a timestamp in {@code [t + lower, t + upper]} (bounds inclusive unless
 * made exclusive); each pair's result is stamped with the larger timestamp. An element that arrives behind
 * the watermark is late: it joins nothing and goes to that side's late output, if one is set.
 */
public final class IntervalJoin<A, B, K> {

    private final JobGraph graph;
    private final KeyByTransformation left;
    private final KeyByTransformation right;
    private Duration lower;
    private Duration upper;
    private boolean lowerExclusive;
    private boolean upperExclusive;
    private OutputTag<A> leftLate;
    private OutputTag<B> rightLate;

    IntervalJoin(JobGraph graph, KeyByTransformation left, KeyByTransformation right) {
        this.graph = graph;
        this.left = left;
        this.right = right;
    }

    /** The interval, relative to each left element's timestamp; {@code lower} may be negative. */
    public IntervalJoin<A, B, K> between(Duration lowerBound, Duration upperBound) {
        this.lower = Objects.requireNonNull(lowerBound, "lowerBound");
        this.upper = Objects.requireNonNull(upperBound, "upperBound");
        if (lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException("the lower bound " + lower + " is above the upper bound " + upper);
        }
        return this;
    }

    public IntervalJoin<A, B, K> lowerBoundExclusive() {
        this.lowerExclusive = true;
        return this;
    }

    public IntervalJoin<A, B, K> upperBoundExclusive() {
        this.upperExclusive = true;
        return this;
    }

    /** Late left elements go to {@code tag} instead of being dropped. */
    public IntervalJoin<A, B, K> sideOutputLeftLateData(OutputTag<A> tag) {
        this.leftLate = Objects.requireNonNull(tag, "tag");
        return this;
    }

    /** Late right elements go to {@code tag} instead of being dropped. */
    public IntervalJoin<A, B, K> sideOutputRightLateData(OutputTag<B> tag) {
        this.rightLate = Objects.requireNonNull(tag, "tag");
        return this;
    }

    /** Applies {@code function} to every pair. The join is stateful: give the stream it returns a {@code uid(...)}. */
    public <R> DataStream<R> process(ProcessJoinFunction<A, B, R> function) {
        Objects.requireNonNull(function, "function");
        if (lower == null) {
            throw new IllegalStateException("call between(lower, upper) before process(...)");
        }
        KeyByTransformation keyBy = ConnectedInputs.keyed(graph, left, right);
        return new DataStream<>(
                graph,
                graph.add(KeyedProcessTransformation.intervalJoin(
                        graph.nextId(),
                        keyBy,
                        function,
                        lower.toMillis() + (lowerExclusive ? 1 : 0),
                        upper.toMillis() - (upperExclusive ? 1 : 0),
                        left.valueSerde(),
                        right.valueSerde(),
                        leftLate,
                        rightLate)));
    }
}
