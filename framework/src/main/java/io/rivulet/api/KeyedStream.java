package io.rivulet.api;

import java.util.Objects;

import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.windowing.assigners.WindowAssigner;
import io.rivulet.api.windowing.windows.Window;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.KeyedProcessTransformation;

/** A stream partitioned by key: operators on it see keyed state scoped to each element's key. */
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
