package io.rivulet.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.sink.ProcessingGuarantee;
import io.rivulet.testfunctions.CountPerKey;
import io.rivulet.testkit.ClusterSpec;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.KafkaClusters;
import io.rivulet.testkit.TestRecords;

/**
 * A state directory reused against another cluster (or after the changelog was recreated) holds state the
 * changelog never saw: the task notices that its stored changelog offset is past the changelog's end, wipes
 * the local state and restores from the changelog, instead of counting on from foreign state.
 */
class ForeignLocalStateTest {

    @TempDir
    Path stateDir;

    private List<String> countOnce(List<String> words) {
        try (KafkaCluster kafka = KafkaClusters.start(ClusterSpec.singleNode())) {
            kafka.createTopic("words", 1);
            kafka.createTopic("counts", 1);
            TestRecords.produceValues(kafka.bootstrapServers(), "words", words);
            JobBuilder job = new JobBuilder();
            job.fromSource(KafkaSource.values("words", Serdes.string()))
                    .keyBy(word -> word, Serdes.string(), Serdes.string())
                    .process(new CountPerKey("="))
                    .uid("count")
                    .sinkTo(KafkaSink.values("counts", Serdes.string()));
            RuntimeConfig config = new RuntimeConfig(
                    "foreign-state",
                    Map.of("bootstrap.servers", kafka.bootstrapServers()),
                    stateDir,
                    ProcessingGuarantee.EXACTLY_ONCE,
                    Duration.ofMillis(100),
                    1,
                    ErrorPolicy.FAIL,
                    ErrorPolicy.FAIL,
                    Optional.empty(),
                    false);
            try (StreamsRuntime runtime = StreamsRuntime.start(config, JobGraphs.of(job), error -> {})) {
                return TestRecords.readCommitted(
                                kafka.bootstrapServers(), "counts", words.size(), Duration.ofSeconds(60))
                        .stream()
                        .map(ConsumerRecord::value)
                        .toList();
            }
        }
    }

    @Test
    void stateOfAnotherClusterIsWipedNotCountedOn() {
        assertThat(countOnce(List.of("a", "a", "a", "b"))).containsExactly("a=1", "a=2", "a=3", "b=1");
        assertThat(countOnce(List.of("a", "a"))).containsExactly("a=1", "a=2");
    }
}
