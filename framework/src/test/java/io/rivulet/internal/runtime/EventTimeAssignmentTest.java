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
import io.rivulet.api.KafkaSink;
import io.rivulet.api.KafkaSource;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.serde.Serdes;
import io.rivulet.sink.ProcessingGuarantee;
import io.rivulet.testfunctions.Echo;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * The timestamp assigner sets event time, which travels through a keyBy to the output records, and the
 * watermark generator moves the source tasks' watermarks.
 */
@WithKafkaCluster
class EventTimeAssignmentTest {

    @TempDir
    Path stateDir;

    @Test
    void outputRecordsCarryTheAssignedEventTime(KafkaCluster kafka) {
        kafka.createTopic("clicks", 2);
        kafka.createTopic("clicks-out", 1);
        TestRecords.produceValues(kafka.bootstrapServers(), "clicks", List.of("a,1000", "b,2000", "a,1500"));
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values("clicks", Serdes.string()), WatermarkStrategy.<String>forBoundedOutOfOrderness(
                        Duration.ofSeconds(2)).withTimestampAssigner((click, ts) -> Long.parseLong(click.split(",")[1])))
                .keyBy(click -> click.split(",")[0], Serdes.string(), Serdes.string())
                .process(new Echo()).uid("echo")
                .sinkTo(KafkaSink.values("clicks-out", Serdes.string()));
        RuntimeConfig config = new RuntimeConfig("event-time", Map.of("bootstrap.servers", kafka.bootstrapServers()),
                stateDir, ProcessingGuarantee.EXACTLY_ONCE, Duration.ofMillis(100), 1, ErrorPolicy.FAIL, ErrorPolicy.FAIL,
                Optional.empty(), false);
        try (StreamsRuntime runtime = StreamsRuntime.start(config, job.graph(), error -> { })) {
            List<ConsumerRecord<String, String>> out = TestRecords.readCommitted(kafka.bootstrapServers(), "clicks-out", 3,
                    Duration.ofSeconds(60));
            assertThat(out).hasSize(3).allSatisfy(r ->
                    assertThat(r.timestamp()).isEqualTo(Long.parseLong(r.value().split(",")[1])));
            // The source tasks' watermarks follow the strategy: the highest event time (2000) - 2 s - 1 ms,
            // on the partition that got the records.
            Await.until(Duration.ofSeconds(10), "a source task's watermark at -1", () -> runtime.watermarks().entrySet()
                    .stream().anyMatch(e -> e.getKey().startsWith("0_") && e.getValue() == -1L));
        }
    }
}
