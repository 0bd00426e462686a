package io.rivulet.api;

import java.util.Objects;

import io.rivulet.api.functions.KeyedBroadcastProcessFunction;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.KeyedProcessTransformation;
import io.rivulet.internal.operators.KeyedBroadcastAdapter;

/** A keyed stream connected to a broadcast stream, for a {@link KeyedBroadcastProcessFunction}. */
public final class BroadcastConnectedStream<T, B, K> {

    private final JobGraph graph;
    private final KeyByTransformation keyBy;
    private final BroadcastStream<B> broadcast;

    BroadcastConnectedStream(JobGraph graph, KeyByTransformation keyBy, BroadcastStream<B> broadcast) {
        this.graph = graph;
        this.keyBy = keyBy;
        this.broadcast = broadcast;
    }

    /** Applies the function. The operator is stateful: give the stream it returns a {@code uid(...)}. */
    @SuppressWarnings("unchecked")
    public <R> DataStream<R> process(KeyedBroadcastProcessFunction<K, T, B, R> function) {
        Objects.requireNonNull(function, "function");
        KeyByTransformation connected = ConnectedInputs.broadcastConnected(graph, keyBy, broadcast.transformation, broadcast.serde);
        KeyedBroadcastAdapter adapter = new KeyedBroadcastAdapter(
                (KeyedBroadcastProcessFunction<Object, Object, Object, Object>) (KeyedBroadcastProcessFunction<?, ?, ?, ?>) function);
        return new DataStream<>(graph, graph.add(new KeyedProcessTransformation(graph.nextId(), connected,
                (KeyedProcessFunction<Object, Object, Object>) (Object) adapter)));
    }
}
