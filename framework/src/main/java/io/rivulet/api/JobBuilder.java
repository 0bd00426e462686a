package io.rivulet.api;

import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.graph.SourceTransformation;

/**
 * Where a job's streams start: the counterpart of Flink's {@code StreamExecutionEnvironment}. A service's
 * {@link RivuletJob} defines its job on one; {@link Rivulet#start} runs one from plain Java.
 */
public final class JobBuilder {

    static {
        // The runtime reads the graph through JobGraphs, so that no public method exposes an internal type.
        JobGraphs.register(builder -> ((JobBuilder) builder).graph);
    }

    private final JobGraph graph = new JobGraph();

    /** A stream of the elements of a Kafka topic; event time is the Kafka record timestamp. */
    public <T> DataStream<T> fromSource(KafkaSource<T> source) {
        return fromSource(source, WatermarkStrategy.noWatermarks());
    }

    /**
     * A stream of the elements of a Kafka topic whose event time comes from the strategy's timestamp
     * assigner: it is the timestamp downstream operators see and the timestamp of the records they write.
     */
    public <T> DataStream<T> fromSource(KafkaSource<T> source, WatermarkStrategy<T> watermarkStrategy) {
        return new DataStream<>(graph, graph.add(new SourceTransformation(graph.nextId(), source, watermarkStrategy)));
    }
}
