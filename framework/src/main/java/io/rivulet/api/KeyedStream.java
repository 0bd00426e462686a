package io.rivulet.api;

import java.util.Objects;

import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.windowing.assigners.WindowAssigner;
import io.rivulet.api.windowing.windows.Window;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.KeyedProcessTransformation;
import io.rivulet.internal.operators.FieldAggregator;
import io.rivulet.internal.operators.FieldAggregator.Kind;

/**
 * A stream partitioned by key: operators on it see keyed state scoped to each element's key.
 *
 * <p>The rolling aggregations ({@link #reduce}, {@link #sum}, {@link #min}, {@link #max}, {@link #minBy},
 * {@link #maxBy}) keep one running value per key in keyed state and emit the new running value for every element,
 * with that element's timestamp, as Flink's. They are stateful: give the stream they return a {@code uid(...)}.
 *
 * <p>The field aggregations address a field by a <em>field expression</em>, resolved when the job is built against
 * the class the {@code keyBy} value serde names ({@link io.rivulet.api.serde.Serde#type()}): the name of a field of a
 * record or a POJO (a public field, or one with a public getter and setter), with dots for nested fields
 * ({@code "order.amount"}), or {@code "*"} for the whole value of a basic type such as {@code Long}. A field that
 * does not exist or cannot be aggregated fails there, with its name and type. The element handed in is never
 * changed: a record is rebuilt, a POJO copied through the serde before its field is set.
 */
public final class KeyedStream<T, K> {

    private final JobGraph graph;
    private final KeyByTransformation keyBy;

    KeyedStream(JobGraph graph, KeyByTransformation keyBy) {
        this.graph = graph;
        this.keyBy = keyBy;
    }

    /**
     * Applies a keyed process function. The resulting operator is stateful: give it a {@code uid(...)}, or
     * the job fails to start.
     */
    public <R> DataStream<R> process(KeyedProcessFunction<K, T, R> function) {
        Objects.requireNonNull(function, "function");
        return new DataStream<>(graph, graph.add(KeyedProcessTransformation.process(graph.nextId(), keyBy, function)));
    }

    /**
     * A rolling reduce: the first element of a key is emitted as it is; every later one is combined with the
     * key's running value by {@code reducer.reduce(running, element)}, and the result is stored and emitted.
     */
    public DataStream<T> reduce(ReduceFunction<T> reducer) {
        Objects.requireNonNull(reducer, "reducer");
        return rolling(reducer);
    }

    /**
     * A rolling sum of the field: every output is the key's first element with the field replaced by the sum so
     * far (its other fields stay the first element's). The field must be an int, long, short, byte, float or
     * double, boxed or not, as for Flink's sum; the sum keeps that type, with Java's overflow.
     *
     * @param field a field expression, or {@code "*"} for a stream of numbers
     */
    public DataStream<T> sum(String field) {
        return aggregate(Kind.SUM, field, false);
    }

    /**
     * A rolling minimum of the field: every output is the key's first element with the field replaced by the
     * minimum so far. To get the element that holds the minimum, use {@link #minBy(String)}.
     *
     * @param field a field expression naming a {@link Comparable} field, or {@code "*"}
     */
    public DataStream<T> min(String field) {
        return aggregate(Kind.MIN, field, false);
    }

    /**
     * A rolling maximum of the field: every output is the key's first element with the field replaced by the
     * maximum so far. To get the element that holds the maximum, use {@link #maxBy(String)}.
     *
     * @param field a field expression naming a {@link Comparable} field, or {@code "*"}
     */
    public DataStream<T> max(String field) {
        return aggregate(Kind.MAX, field, false);
    }

    /** The element with the smallest field so far; of equal ones the first. Same as {@code minBy(field, true)}. */
    public DataStream<T> minBy(String field) {
        return minBy(field, true);
    }

    /**
     * The element with the smallest field so far, whole.
     *
     * @param field a field expression naming a {@link Comparable} field, or {@code "*"}
     * @param first on a tie, keep the earlier element ({@code true}) or take the new one ({@code false})
     */
    public DataStream<T> minBy(String field, boolean first) {
        return aggregate(Kind.MIN_BY, field, first);
    }

    /** The element with the largest field so far; of equal ones the first. Same as {@code maxBy(field, true)}. */
    public DataStream<T> maxBy(String field) {
        return maxBy(field, true);
    }

    /**
     * The element with the largest field so far, whole.
     *
     * @param field a field expression naming a {@link Comparable} field, or {@code "*"}
     * @param first on a tie, keep the earlier element ({@code true}) or take the new one ({@code false})
     */
    public DataStream<T> maxBy(String field, boolean first) {
        return aggregate(Kind.MAX_BY, field, first);
    }

    private DataStream<T> aggregate(Kind kind, String field, boolean first) {
        return rolling(FieldAggregator.of(kind, field, first, keyBy.valueSerde()));
    }

    private DataStream<T> rolling(ReduceFunction<?> reducer) {
        return new DataStream<>(
                graph, graph.add(KeyedProcessTransformation.rollingReduce(graph.nextId(), keyBy, reducer)));
    }

    /**
     * Groups the elements of each key into windows. The window operator is stateful: give the stream it
     * returns a {@code uid(...)}. Event-time windows follow the watermarks of the job's sources, which
     * cross the shuffle of {@code keyBy}.
     */
    public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
        Objects.requireNonNull(assigner, "assigner");
        return new WindowedStream<>(graph, keyBy, assigner);
    }

    /**
     * Connects this keyed stream with another keyed by the same key (equal keys must give equal bytes in both
     * key serdes), for a {@code KeyedCoProcessFunction}. Both inputs go through one repartition topic.
     */
    public <B> ConnectedStreams<T, B> connect(KeyedStream<B, K> other) {
        Objects.requireNonNull(other, "other");
        return new ConnectedStreams<>(graph, keyBy, other.keyBy, keyBy, other.keyBy);
    }

    /** Starts an interval join with another stream keyed by the same key: {@code intervalJoin(other).between(...).process(...)}. */
    public <B> IntervalJoin<T, B, K> intervalJoin(KeyedStream<B, K> other) {
        Objects.requireNonNull(other, "other");
        return new IntervalJoin<>(graph, keyBy, other.keyBy);
    }

    /**
     * Connects a broadcast stream: every task of the operator sees every broadcast element, and the keyed
     * elements of its keys. Both inputs travel through one repartition topic (the broadcast elements are
     * written to every partition of it).
     */
    public <B> BroadcastConnectedStream<T, B> connect(BroadcastStream<B> broadcast) {
        Objects.requireNonNull(broadcast, "broadcast");
        return BroadcastConnectedStream.keyed(graph, keyBy, broadcast);
    }
}
