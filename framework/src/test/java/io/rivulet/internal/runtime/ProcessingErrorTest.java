package io.rivulet.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.internal.runtime.task.StreamsFatalException;
import io.rivulet.sink.DeadLetters;
import io.rivulet.sink.ProcessingGuarantee;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * A record whose processing throws takes each path of {@code rivulet.errors.processing}; its partial output
 * (the elements the flatMap collected before throwing) is never written.
 */
@WithKafkaCluster
class ProcessingErrorTest {

    @TempDir
    Path stateDir;

    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void deadLetterWritesTheFailedRecordOnceAndNoneOfItsPartialOutput(KafkaCluster kafka) throws Exception {
        List<String> output = run(kafka, "dl", ErrorPolicy.DEAD_LETTER, null);
        assertThat(output).containsExactly("a", "b", "c", "d");
        List<ConsumerRecord<byte[], byte[]>> dead = TestRecords.readCommitted(
                kafka.bootstrapServers(),
                DeadLetters.topicFor("errors-dl"),
                2,
                Duration.ofSeconds(5),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("x boom y");
        assertThat(new String(
                        dead.get(0)
                                .headers()
                                .lastHeader(DeadLetters.HEADER_STAGE)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo("processing");
        assertThat(new String(
                        dead.get(0)
                                .headers()
                                .lastHeader(DeadLetters.HEADER_OFFSET)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo("1");
        assertThat(registry.get("rivulet.dead.letter.records")
                        .tag("cause", "processing")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void skipDropsTheRecordAndItsPartialOutput(KafkaCluster kafka) throws Exception {
        assertThat(run(kafka, "skip", ErrorPolicy.SKIP, null)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void failStopsTheJobNamingTheRecordAndCommitsNothingOfIt(KafkaCluster kafka) throws Exception {
        CompletableFuture<Throwable> fatal = new CompletableFuture<>();
        run(kafka, "fail", ErrorPolicy.FAIL, fatal);
        Throwable error = fatal.get(60, TimeUnit.SECONDS);
        assertThat(error)
                .isInstanceOf(StreamsFatalException.class)
                .hasMessageContaining("processing of the record at topic errors-fail-in, partition 0, offset 1")
                .hasRootCauseMessage("boom");
        assertThat(TestRecords.readAllCommitted(kafka.bootstrapServers(), "errors-fail-out", Duration.ofSeconds(10)))
                .extracting(ConsumerRecord::value)
                .doesNotContain("x");
    }

    private List<String> run(KafkaCluster kafka, String name, ErrorPolicy policy, CompletableFuture<Throwable> fatal) {
        String in = "errors-" + name + "-in";
        String out = "errors-" + name + "-out";
        kafka.createTopic(in, 1);
        kafka.createTopic(out, 1);
        TestRecords.produceValues(kafka.bootstrapServers(), in, List.of("a b", "x boom y", "c d"));
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values(in, Serdes.string()))
                .<String>flatMap((line, collector) -> {
                    for (String word : line.split(" ")) {
                        if (word.equals("boom")) {
                            throw new IllegalArgumentException("boom");
                        }
                        collector.collect(word);
                    }
                })
                .sinkTo(KafkaSink.values(out, Serdes.string()));
        RuntimeConfig config = new RuntimeConfig(
                "errors-" + name,
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                stateDir,
                ProcessingGuarantee.EXACTLY_ONCE,
                Duration.ofMillis(100),
                1,
                ErrorPolicy.FAIL,
                policy,
                Optional.empty(),
                false);
        try (StreamsRuntime runtime = StreamsRuntime.start(config, JobGraphs.of(job), registry, error -> {
            if (fatal != null) {
                fatal.complete(error);
            }
        })) {
            if (fatal != null) {
                fatal.join();
                return List.of();
            }
            return TestRecords.readCommitted(kafka.bootstrapServers(), out, 4, Duration.ofSeconds(60)).stream()
                    .map(ConsumerRecord::value)
                    .toList();
        }
    }
}
