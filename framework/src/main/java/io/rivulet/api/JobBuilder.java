package io.rivulet.api;

import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.SourceTransformation;

/** Where a job's streams start: the counterpart of Flink's {@code StreamExecutionEnvironment}. */
public final class JobBuilder {

    private final JobGraph graph = new JobGraph();

    /** A stream of the elements of a Kafka topic. */
    public <T> DataStream<T> fromSource(KafkaSource<T> source) {
        return new DataStream<>(graph, graph.add(new SourceTransformation(graph.nextId(), source)));
    }

    /** The graph built so far; used by the runtime. */
    public JobGraph graph() {
        return graph;
    }
}
