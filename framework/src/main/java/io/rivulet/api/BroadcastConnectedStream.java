package io.rivulet.api;

import java.util.Objects;

import io.rivulet.api.functions.BroadcastProcessFunction;
import io.rivulet.api.functions.KeyedBroadcastProcessFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.KeyedProcessTransformation;
import io.rivulet.internal.graph.ProcessTransformation;
import io.rivulet.internal.graph.Transformation;

/**
 * A stream connected to a broadcast stream: a keyed stream for a {@link KeyedBroadcastProcessFunction}, or a
 * stream that is not keyed for a {@link BroadcastProcessFunction}. Either way the operator is stateful (its
 * broadcast state): give the stream {@code process} returns a {@code uid(...)}.
 */
public final class BroadcastConnectedStream<T, B> {

    private final JobGraph graph;
    private final KeyByTransformation keyBy;
    private final Transformation input;
    private final Serde<T> serde;
    private final BroadcastStream<B> broadcast;

    private BroadcastConnectedStream(
            JobGraph graph,
            KeyByTransformation keyBy,
            Transformation input,
            Serde<T> serde,
            BroadcastStream<B> broadcast) {
        this.graph = graph;
        this.keyBy = keyBy;
        this.input = input;
        this.serde = serde;
        this.broadcast = broadcast;
    }

    static <T, B> BroadcastConnectedStream<T, B> keyed(
            JobGraph graph, KeyByTransformation keyBy, BroadcastStream<B> broadcast) {
        return new BroadcastConnectedStream<>(graph, keyBy, null, null, broadcast);
    }

    static <T, B> BroadcastConnectedStream<T, B> forwarded(
            JobGraph graph, Transformation input, Serde<T> serde, BroadcastStream<B> broadcast) {
        return new BroadcastConnectedStream<>(graph, null, input, serde, broadcast);
    }

    /** Applies a keyed broadcast function; the stream must have been keyed. */
    public <K, R> DataStream<R> process(KeyedBroadcastProcessFunction<K, T, B, R> function) {
        Objects.requireNonNull(function, "function");
        if (keyBy == null) {
            throw new IllegalStateException(
                    "a KeyedBroadcastProcessFunction needs a keyed stream: connect a keyBy(...) result");
        }
        KeyByTransformation connected =
                ConnectedInputs.broadcastConnected(graph, keyBy, broadcast.transformation, broadcast.serde);
        return new DataStream<>(
                graph,
                graph.add(KeyedProcessTransformation.broadcastProcess(
                        graph.nextId(), connected, function, broadcast.stateNames())));
    }

    /** Applies a broadcast function to a stream that is not keyed. */
    public <R> DataStream<R> process(BroadcastProcessFunction<T, B, R> function) {
        Objects.requireNonNull(function, "function");
        if (keyBy != null) {
            throw new IllegalStateException("a keyed stream connects to a KeyedBroadcastProcessFunction");
        }
        KeyByTransformation connected =
                ConnectedInputs.broadcastForwarded(graph, input, serde, broadcast.transformation, broadcast.serde);
        return new DataStream<>(
                graph,
                graph.add(ProcessTransformation.broadcastProcess(
                        graph.nextId(), connected, function, broadcast.stateNames())));
    }
}
