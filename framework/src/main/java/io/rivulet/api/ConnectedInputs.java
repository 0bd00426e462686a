package io.rivulet.api;

import java.util.List;

import io.rivulet.api.functions.KeySelector;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.Serdes;
import io.rivulet.internal.graph.FunctionTransformation;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.Transformation;
import io.rivulet.internal.graph.UnionTransformation;
import io.rivulet.internal.operators.TwoInputElement;
import io.rivulet.internal.operators.TwoInputSerde;

/**
 * How two inputs become one for connect and joins: each element is tagged with its input, the two are
 * united, and — when keyed — shuffled through one repartition topic by their keys, so that both inputs of a
 * key reach the same task and the same operator (with shared keyed state and timers).
 */
final class ConnectedInputs {

    private ConnectedInputs() {}

    /** The tagged union of {@code first} and {@code second}. */
    static Transformation union(JobGraph graph, Transformation first, Transformation second) {
        Transformation tagFirst = graph.add(new FunctionTransformation(
                graph.nextId(), first, "input-1", (value, out) -> out.collect(TwoInputElement.first(value))));
        Transformation tagSecond = graph.add(new FunctionTransformation(
                graph.nextId(), second, "input-2", (value, out) -> out.collect(TwoInputElement.second(value))));
        return graph.add(new UnionTransformation(graph.nextId(), List.of(tagFirst, tagSecond)));
    }

    /**
     * A keyed stream and a broadcast stream through one repartition topic: keyed elements to their key's
     * partition, broadcast elements to every partition.
     */
    @SuppressWarnings("unchecked")
    static KeyByTransformation broadcastConnected(
            JobGraph graph, KeyByTransformation keyed, Transformation broadcast, Serde<?> broadcastSerde) {
        KeyByTransformation keyBy = keyed(
                graph,
                keyed.input().orElseThrow(),
                broadcast,
                keyed.keySelector(),
                element -> {
                    throw new IllegalStateException("broadcast elements have no key");
                },
                keyed.keySerde(),
                keyed.valueSerde(),
                broadcastSerde);
        keyBy.broadcastInput(keyBy.input().orElseThrow().inputs().get(1));
        return keyBy;
    }

    /** The tagged union of both inputs, keyed by {@code firstKey} or {@code secondKey} as the tag says. */
    @SuppressWarnings("unchecked")
    static KeyByTransformation keyed(
            JobGraph graph,
            Transformation first,
            Transformation second,
            KeySelector<Object, Object> firstKey,
            KeySelector<Object, Object> secondKey,
            Serde<?> keySerde,
            Serde<?> firstSerde,
            Serde<?> secondSerde) {
        Transformation union = union(graph, first, second);
        KeySelector<Object, Object> key = element -> {
            TwoInputElement tagged = (TwoInputElement) element;
            return tagged.isFirst() ? firstKey.getKey(tagged.value()) : secondKey.getKey(tagged.value());
        };
        Serde<Object> serde =
                (Serde<Object>) (Serde<?>) new TwoInputSerde((Serde<Object>) firstSerde, (Serde<Object>) secondSerde);
        return graph.add(new KeyByTransformation(
                graph.nextId(), union, graph.nextKeyByOrdinal(), key, (Serde<Object>) keySerde, serde));
    }

    /**
     * A stream that is not keyed and a broadcast stream through one repartition topic: the stream's elements
     * keep their partition index, broadcast elements go to every partition.
     */
    @SuppressWarnings("unchecked")
    static KeyByTransformation broadcastForwarded(
            JobGraph graph, Transformation input, Serde<?> serde, Transformation broadcast, Serde<?> broadcastSerde) {
        KeyByTransformation keyBy = keyed(
                graph,
                input,
                broadcast,
                element -> {
                    throw new IllegalStateException("forwarded elements have no key");
                },
                element -> {
                    throw new IllegalStateException("broadcast elements have no key");
                },
                Serdes.bytes(),
                serde,
                broadcastSerde);
        keyBy.forward();
        keyBy.broadcastInput(keyBy.input().orElseThrow().inputs().get(1));
        return keyBy;
    }

    /** Both keyed streams, keyed together; the key serdes must encode equal keys equally. */
    static KeyByTransformation keyed(JobGraph graph, KeyByTransformation first, KeyByTransformation second) {
        return keyed(
                graph,
                first.input().orElseThrow(),
                second.input().orElseThrow(),
                first.keySelector(),
                second.keySelector(),
                first.keySerde(),
                first.valueSerde(),
                second.valueSerde());
    }
}
