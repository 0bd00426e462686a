package io.rivulet.api;

import java.util.Objects;

import io.rivulet.api.functions.FilterFunction;
import io.rivulet.api.functions.FlatMapFunction;
import io.rivulet.api.functions.KeySelector;
import io.rivulet.api.functions.MapFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.internal.graph.FunctionTransformation;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.SideOutputTransformation;
import io.rivulet.internal.graph.SinkTransformation;
import io.rivulet.internal.graph.Transformation;

/**
 * A stream of elements of type {@code T}. Operators run in the task that owns the input partition, in the
 * order the records arrive per partition; a stream may feed several operators.
 */
public class DataStream<T> {

    protected final JobGraph graph;
    protected final Transformation transformation;

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
        return new DataStream<>(graph, graph.add(new FunctionTransformation(graph.nextId(), transformation, kind, function)));
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
        KeyByTransformation keyBy = graph.add(new KeyByTransformation(graph.nextId(), transformation,
                graph.nextKeyByOrdinal(), (KeySelector<Object, Object>) keySelector, (Serde<Object>) keySerde,
                (Serde<Object>) valueSerde));
        return new KeyedStream<>(graph, keyBy);
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
