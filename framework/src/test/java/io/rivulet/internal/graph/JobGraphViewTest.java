package io.rivulet.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;

/** What {@code GET /rivulet/api/job} shows of a compiled job. */
class JobGraphViewTest {

    static final class Echo extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value);
        }
    }

    @Test
    void showsEveryOperatorWithItsKindUidTopicsAndTheRepartitionTopicOfTheKeyBy() {
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values("lines", Serdes.string()))
                .keyBy(line -> line, Serdes.string(), Serdes.string())
                .process(new Echo())
                .uid("echo")
                .sinkTo(KafkaSink.values("echoed", Serdes.string()));
        Map<String, Object> view = JobGraphView.of(TopologyCompiler.compile("viewed", JobGraphs.of(job)));

        assertThat(view).containsEntry("application-id", "viewed");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> operators = (List<Map<String, Object>>) view.get("operators");
        assertThat(operators)
                .extracting(operator -> operator.get("kind"))
                .containsExactly("source", "key-by", "keyed-process", "sink");
        assertThat(operators.get(0)).containsEntry("topic", "lines");
        assertThat(operators.get(2)).containsEntry("uid", "echo").containsEntry("changelog", "viewed-echo-changelog");
        assertThat(operators.get(3)).containsEntry("topic", "echoed");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> edges = (List<Map<String, Object>>) view.get("edges");
        assertThat(edges).hasSize(3);
        assertThat(edges)
                .filteredOn(edge -> edge.containsKey("repartition-topic"))
                .singleElement()
                .satisfies(edge -> assertThat(edge.get("repartition-topic")).isEqualTo("viewed-repartition-0"));
    }
}
