package io.rivulet.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.KeyedStream;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessJoinFunction;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.testfunctions.Echo;

class TopologyCompilerTest {

    @Test
    void keyByCutsTheJobIntoSubTopologiesConnectedByARepartitionTopic() {
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values("in", Serdes.string()))
                .map(String::trim)
                .keyBy(s -> s, Serdes.string(), Serdes.string())
                .process(new Echo())
                .uid("echo")
                .sinkTo(KafkaSink.values("out", Serdes.string()));

        Topology topology = TopologyCompiler.compile("app", JobGraphs.of(job));

        assertThat(topology.subTopologies()).hasSize(2);
        assertThat(topology.subTopology(0).sourceTopic()).isEqualTo("in");
        assertThat(topology.subTopology(1).sourceTopic()).isEqualTo("app-repartition-0");
        assertThat(topology.subTopology(1).statefulNodes())
                .extracting(n -> n.uid().orElseThrow())
                .containsExactly("echo");
        assertThat(topology.changelogTopics()).containsEntry("echo", "app-echo-changelog");
        assertThat(topology.externalSourceTopics()).containsExactly("in");
        assertThat(topology.sinkTopics()).containsExactly("out");
    }

    @Test
    void aStatefulOperatorWithoutUidIsRefusedByName() {
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values("in", Serdes.string()))
                .keyBy(s -> s, Serdes.string(), Serdes.string())
                .process(new Echo())
                .sinkTo(KafkaSink.values("out", Serdes.string()));

        assertThatThrownBy(() -> TopologyCompiler.compile("app", JobGraphs.of(job)))
                .hasMessageContaining("process:Echo")
                .hasMessageContaining("has no uid");
    }

    @Test
    void anOperatorWithoutUidIsNamedAfterTheUsersFunctionNotTheFrameworksAdapter() {
        JobBuilder job = new JobBuilder();
        KeyedStream<String, String> left = job.fromSource(KafkaSource.values("left", Serdes.string()))
                .keyBy(s -> s, Serdes.string(), Serdes.string());
        KeyedStream<String, String> right = job.fromSource(KafkaSource.values("right", Serdes.string()))
                .keyBy(s -> s, Serdes.string(), Serdes.string());
        left.intervalJoin(right)
                .between(Duration.ofSeconds(-1), Duration.ofSeconds(1))
                .process(new PairUp())
                .sinkTo(KafkaSink.values("out", Serdes.string()));

        assertThatThrownBy(() -> TopologyCompiler.compile("app", JobGraphs.of(job)))
                .hasMessageContaining("intervalJoin:PairUp")
                .hasMessageNotContaining("IntervalJoinFunction");
    }

    /** Joins two strings. */
    static final class PairUp extends ProcessJoinFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String left, String right, Context ctx, Collector<String> out) {
            out.collect(left + right);
        }
    }

    @Test
    void duplicateUidsAndJobsWithoutSinkAreRefused() {
        JobBuilder twice = new JobBuilder();
        var keyed = twice.fromSource(KafkaSource.values("in", Serdes.string()))
                .keyBy(s -> s, Serdes.string(), Serdes.string());
        keyed.process(new Echo()).uid("same").sinkTo(KafkaSink.values("out", Serdes.string()));
        keyed.process(new Echo()).uid("same").sinkTo(KafkaSink.values("out", Serdes.string()));
        assertThatThrownBy(() -> TopologyCompiler.compile("app", JobGraphs.of(twice)))
                .hasMessageContaining("uid 'same'");

        JobBuilder noSink = new JobBuilder();
        noSink.fromSource(KafkaSource.values("in", Serdes.string())).map(String::trim);
        assertThatThrownBy(() -> TopologyCompiler.compile("app", JobGraphs.of(noSink)))
                .hasMessageContaining("no sink");
    }
}
