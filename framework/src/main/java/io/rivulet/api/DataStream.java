package io.rivulet.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.rivulet.api.functions.FilterFunction;
import io.rivulet.api.functions.FlatMapFunction;
import io.rivulet.api.functions.KeySelector;
import io.rivulet.api.functions.MapFunction;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.ProcessFunction;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.internal.graph.FunctionTransformation;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.ProcessTransformation;
import io.rivulet.internal.graph.SideOutputTransformation;
import io.rivulet.internal.graph.SinkTransformation;
import io.rivulet.internal.graph.Transformation;
import io.rivulet.internal.graph.UnionTransformation;

/**
 * A stream of elements of type {@code T}. Operators run in the task that owns the input partition, in the
 * order the records arrive per partition; a stream may feed several operators.
 */
public final class DataStream<T> {

    final JobGraph graph;
    final Transformation transformation;

    DataStream(JobGraph graph, Transformation transformation) {
        this.graph = graph;
        this.transformation = transformation;
    }

    /** One output element per input element. */
    @SuppressWarnings("unchecked")
    public <R> DataStream<R> map(MapFunction<T, R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return then("map", (value, out) -> out.collect(mapper.map((T) value)));
    }

    /** The elements for which the filter returns {@code true}. */
    @SuppressWarnings("unchecked")
    public DataStream<T> filter(FilterFunction<T> filter) {
        Objects.requireNonNull(filter, "filter");
        return then("filter", (value, out) -> {
            if (filter.filter((T) value)) {
                out.collect(value);
            }
        });
    }

    /** Zero or more output elements per input element. */
    @SuppressWarnings("unchecked")
    public <R> DataStream<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        Objects.requireNonNull(flatMapper, "flatMapper");
        return then("flatMap", (value, out) -> flatMapper.flatMap((T) value, r -> out.collect(r)));
    }

    private <R> DataStream<R> then(String kind, io.rivulet.internal.graph.RecordFunction function) {
        return new DataStream<>(
                graph, graph.add(new FunctionTransformation(graph.nextId(), transformation, kind, function)));
    }

    /**
     * Partitions the stream by key. The elements are shuffled through an internal repartition topic
     * ({@code <application-id>-repartition-<n>}, n counting keyBy calls in definition order), so every
     * element with the same key reaches the same task, whichever instance reads it.
     *
     * @param keySerde encodes keys: equal keys must give equal bytes
     * @param valueSerde encodes the elements in the repartition topic
     */
    @SuppressWarnings("unchecked")
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector, Serde<K> keySerde, Serde<T> valueSerde) {
        Objects.requireNonNull(keySelector, "keySelector");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        KeyByTransformation keyBy = graph.add(new KeyByTransformation(
                graph.nextId(),
                transformation,
                graph.nextKeyByOrdinal(),
                (KeySelector<Object, Object>) keySelector,
                (Serde<Object>) keySerde,
                (Serde<Object>) valueSerde));
        return new KeyedStream<>(graph, keyBy);
    }

    /**
     * Applies a process function: per element, any number of outputs and side outputs. Keyed state and timers
     * need a keyed stream ({@code keyBy(...).process(...)}).
     */
    public <R> DataStream<R> process(ProcessFunction<T, R> function) {
        Objects.requireNonNull(function, "function");
        return new DataStream<>(
                graph, graph.add(ProcessTransformation.process(graph.nextId(), transformation, function)));
    }

    /**
     * The elements of this stream and of {@code others}, merged. The streams may come from different topics:
     * what follows the union runs in the tasks of each, and a keyBy after it shuffles all of them together.
     */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Transformation> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> other : others) {
            if (other.graph != graph) {
                throw new IllegalArgumentException("streams of two different jobs cannot be united");
            }
            inputs.add(other.transformation);
        }
        return new DataStream<>(graph, graph.add(new UnionTransformation(graph.nextId(), inputs)));
    }

    /** Connects this stream with {@code other}, for a {@code CoProcessFunction} that sees both. */
    public <B> ConnectedStreams<T, B> connect(DataStream<B> other) {
        Objects.requireNonNull(other, "other");
        return new ConnectedStreams<>(graph, transformation, other.transformation, null, null);
    }

    /**
     * Makes this stream a broadcast stream: connected to a keyed stream, every element reaches every task.
     *
     * @param serde encodes the elements on their way to every task
     * @param descriptors the broadcast states the connected function may use
     */
    public BroadcastStream<T> broadcast(Serde<T> serde, MapStateDescriptor<?, ?>... descriptors) {
        return new BroadcastStream<>(transformation, Objects.requireNonNull(serde, "serde"), List.of(descriptors));
    }

    /**
     * Connects a broadcast stream to this stream, which is not keyed, for a {@code BroadcastProcessFunction}:
     * every task sees every broadcast element and the elements of its own partition (which pass through an
     * internal topic, partition for partition, to meet the broadcast ones).
     *
     * @param serde encodes this stream's elements in that topic
     */
    public <B> BroadcastConnectedStream<T, B> connect(BroadcastStream<B> broadcast, Serde<T> serde) {
        Objects.requireNonNull(broadcast, "broadcast");
        return BroadcastConnectedStream.forwarded(
                graph, transformation, Objects.requireNonNull(serde, "serde"), broadcast);
    }

    /**
     * Starts a window join with {@code other}: {@code join(other, ...).where(...).equalTo(...).window(...).apply(...)}.
     *
     * @param serde stores this stream's elements in the shuffle and the window
     * @param otherSerde stores the other stream's elements
     */
    public <B> JoinedStreams<T, B> join(DataStream<B> other, Serde<T> serde, Serde<B> otherSerde) {
        Objects.requireNonNull(other, "other");
        return new JoinedStreams<>(
                this, other, Objects.requireNonNull(serde, "serde"), Objects.requireNonNull(otherSerde, "otherSerde"));
    }

    /**
     * Starts a windowed co-group with {@code other}:
     * {@code coGroup(other, ...).where(...).equalTo(...).window(...).apply(coGroupFunction)}.
     *
     * @param serde stores this stream's elements in the shuffle and the window
     * @param otherSerde stores the other stream's elements
     */
    public <B> CoGroupedStreams<T, B> coGroup(DataStream<B> other, Serde<T> serde, Serde<B> otherSerde) {
        Objects.requireNonNull(other, "other");
        return new CoGroupedStreams<>(
                this, other, Objects.requireNonNull(serde, "serde"), Objects.requireNonNull(otherSerde, "otherSerde"));
    }

    /**
     * The elements the operator producing this stream emitted to the side output {@code tag}, such as the
     * late data of a window ({@code sideOutputLateData}).
     */
    public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
        Objects.requireNonNull(tag, "tag");
        return new DataStream<>(graph, graph.add(new SideOutputTransformation(graph.nextId(), transformation, tag)));
    }

    /** Writes the stream to a Kafka topic. */
    @SuppressWarnings("unchecked")
    public void sinkTo(KafkaSink<T> sink) {
        Objects.requireNonNull(sink, "sink");
        graph.add(new SinkTransformation(graph.nextId(), transformation, (KafkaSink<Object>) sink));
    }

    /**
     * Sets the stable id of the operator that produces this stream. Stateful operators must have one: state,
     * changelog topics ({@code <application-id>-<uid>-changelog}) and savepoints are addressed by it.
     */
    public DataStream<T> uid(String uid) {
        transformation.uid(uid);
        return this;
    }

    /** Sets a readable name for the operator, used in logs and errors. */
    public DataStream<T> name(String name) {
        transformation.name(name);
        return this;
    }
}
