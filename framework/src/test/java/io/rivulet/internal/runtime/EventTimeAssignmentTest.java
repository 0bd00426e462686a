package io.rivulet.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.sink.ProcessingGuarantee;
import io.rivulet.testfunctions.Echo;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * The timestamp assigner sets event time, which travels through a keyBy to the output records; the
 * watermark generators move the source tasks' watermarks, and the markers carry them across the keyBy.
 */
@WithKafkaCluster
class EventTimeAssignmentTest {

    private static final Map<String, Long> EXPECTED_WATERMARKS =
            Map.of("0_0", 999L, "0_1", -1L, "1_0", -1L, "1_1", -1L);

    @TempDir
    Path stateDir;

    @Test
    void outputRecordsCarryTheAssignedEventTime(KafkaCluster kafka) {
        kafka.createTopic("clicks", 2);
        kafka.createTopic("clicks-out", 1);
        try (KafkaProducer<String, String> producer = TestRecords.stringProducer(kafka.bootstrapServers())) {
            producer.send(new ProducerRecord<>("clicks", 0, null, "a,1000"));
            producer.send(new ProducerRecord<>("clicks", 0, null, "a,3000"));
            producer.send(new ProducerRecord<>("clicks", 1, null, "b,2000"));
        }
        JobBuilder job = new JobBuilder();
        job.fromSource(
                        KafkaSource.values("clicks", Serdes.string()),
                        WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofSeconds(2))
                                .withTimestampAssigner((click, ts) -> Long.parseLong(click.split(",")[1])))
                .keyBy(click -> click.split(",")[0], Serdes.string(), Serdes.string())
                .process(new Echo())
                .uid("echo")
                .sinkTo(KafkaSink.values("clicks-out", Serdes.string()));
        RuntimeConfig config = new RuntimeConfig(
                "event-time",
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
            List<ConsumerRecord<String, String>> out =
                    TestRecords.readCommitted(kafka.bootstrapServers(), "clicks-out", 3, Duration.ofSeconds(60));
            assertThat(out)
                    .hasSize(3)
                    .allSatisfy(r -> assertThat(r.timestamp())
                            .isEqualTo(Long.parseLong(r.value().split(",")[1])));
            // Each source task: its highest event time - 2 s - 1 ms. Each task after the keyBy: the minimum over
            // both upstream tasks, carried by the markers in the repartition topic.
            Await.until(
                    Duration.ofSeconds(20),
                    "watermarks 0_0=999, 0_1=-1, 1_0=-1, 1_1=-1",
                    () -> runtime.watermarks().equals(EXPECTED_WATERMARKS));
        }
        // Watermarks are committed with the offsets: a restart resumes from them without any new input.
        try (StreamsRuntime restarted = StreamsRuntime.start(config, JobGraphs.of(job), error -> {})) {
            Await.until(
                    Duration.ofSeconds(20),
                    "watermarks resumed after a restart",
                    () -> restarted.watermarks().equals(EXPECTED_WATERMARKS));
        }
    }
}
