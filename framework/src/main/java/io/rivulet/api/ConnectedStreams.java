package io.rivulet.api;

import java.util.Objects;

import io.rivulet.api.functions.CoProcessFunction;
import io.rivulet.api.functions.KeyedCoProcessFunction;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.KeyedProcessTransformation;
import io.rivulet.internal.graph.ProcessTransformation;
import io.rivulet.internal.graph.Transformation;

/**
 * Two streams of possibly different types, connected for one function that sees both: a
 * {@link CoProcessFunction} when neither is keyed, a {@link KeyedCoProcessFunction} when both are keyed
 * (connected with {@link KeyedStream#connect}), with state and timers shared by the inputs of each key.
 */
public final class ConnectedStreams<A, B> {

    private final JobGraph graph;
    private final Transformation first;
    private final Transformation second;
    private final KeyByTransformation firstKeyBy;
    private final KeyByTransformation secondKeyBy;

    ConnectedStreams(
            JobGraph graph,
            Transformation first,
            Transformation second,
            KeyByTransformation firstKeyBy,
            KeyByTransformation secondKeyBy) {
        this.graph = graph;
        this.first = first;
        this.second = second;
        this.firstKeyBy = firstKeyBy;
        this.secondKeyBy = secondKeyBy;
    }

    /** Applies a co-process function to two streams that are not keyed. */
    public <R> DataStream<R> process(CoProcessFunction<A, B, R> function) {
        Objects.requireNonNull(function, "function");
        if (firstKeyBy != null) {
            throw new IllegalStateException("keyed streams connect to a KeyedCoProcessFunction");
        }
        Transformation union = ConnectedInputs.union(graph, first, second);
        return new DataStream<>(graph, graph.add(ProcessTransformation.coProcess(graph.nextId(), union, function)));
    }

    /**
     * Applies a keyed co-process function to two keyed streams. The operator is stateful: give the stream it
     * returns a {@code uid(...)}.
     */
    public <K, R> DataStream<R> process(KeyedCoProcessFunction<K, A, B, R> function) {
        Objects.requireNonNull(function, "function");
        if (firstKeyBy == null) {
            throw new IllegalStateException(
                    "a KeyedCoProcessFunction needs two keyed streams: connect keyBy(...) results");
        }
        KeyByTransformation keyBy = ConnectedInputs.keyed(graph, firstKeyBy, secondKeyBy);
        return new DataStream<>(
                graph, graph.add(KeyedProcessTransformation.coProcess(graph.nextId(), keyBy, function)));
    }
}
