package io.rivulet.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * Kafka Streams and Rivulet compute the same Nexmark results. Per query, both contenders drain the same generated
 * events on one broker, each into its own output topic, and their {@code read_committed} outputs are compared as
 * multisets with each other and with {@link NexmarkReference}.
 *
 * <p>What is compared: every output record, as {@code value} or {@code key -> value}; for Kafka Streams' q5, whose
 * second stage is a table aggregation that emits updates, the last value per window end.
 *
 * <p>The generated events span 24 s of event time. After them come a person, an auction and a bid 20 s past the
 * last of them, which move event time past every window of the generated events in both systems; their own
 * windows never close and emit nothing. Not further: Kafka Streams drops the segments of its window and session
 * stores that stream time has left behind by more than the retention (window and grace), so a larger jump would
 * discard windows before they are emitted. Kafka Streams also emits closed windows at most once a second of
 * wall-clock time, when a record arrives, so while the test waits for windowed results it repeats those events.
 *
 * <p>The input has one partition: Kafka Streams' stream time is per task, the largest timestamp the task has seen,
 * so on several partitions read at different speeds it drops as late records that Rivulet, whose watermark is
 * the minimum over the partitions, still counts. On one partition both see the events in the same order and no
 * event is late in either.
 */
@WithKafkaCluster
class NexmarkQueriesTest {

    private static final int EVENTS = 10_000;
    private static final long LATE_TIME = NexmarkBids.BASE_TIME + 2 * EVENTS + 20_000;
    private static final List<String> LATE_EVENTS =
            List.of("P,1000000," + LATE_TIME, "A,1000000,1000000," + LATE_TIME, "B,1000000,1000000,100," + LATE_TIME);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Results carry event times of long ago, which the default retention would delete. */
    private static final Map<String, String> KEEP_EVERYTHING = Map.of("retention.ms", "-1");

    @TempDir
    Path stateDir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Workload.class,
            names = {"Q0", "Q1", "Q2", "Q5", "Q7", "Q8", "Q11"})
    void kafkaStreamsAndRivuletComputeTheSameResults(Workload query, KafkaCluster kafka) {
        String input = "nexmark-" + query.id() + "-in";
        kafka.createTopic(input, 1);
        List<String> events = events();
        TestRecords.produceValues(kafka.bootstrapServers(), input, events);
        List<String> expected = NexmarkReference.results(query, events, LATE_TIME);
        assertThat(expected).as("reference results of %s", query.id()).isNotEmpty();

        ContenderSettings streamsSettings = settings(kafka, query, Contender.KAFKA_STREAMS, input);
        ContenderSettings rivuletSettings = settings(kafka, query, Contender.RIVULET, input);
        boolean updates = query == Workload.Q5;
        KafkaStreamsContender streams = new KafkaStreamsContender(query, streamsSettings);
        streams.start();
        try {
            RivuletContender rivulet = new RivuletContender(query, rivuletSettings);
            rivulet.start();
            try {
                awaitResults(kafka, query, input, streamsSettings.output(), updates, expected);
                awaitResults(kafka, query, input, rivuletSettings.output(), false, expected);
            } finally {
                rivulet.stop();
            }
        } finally {
            streams.stop();
        }

        List<String> fromStreams = results(kafka, streamsSettings.output(), updates);
        List<String> fromRivulet = results(kafka, rivuletSettings.output(), false);
        assertThat(fromRivulet).as("Rivulet's %s", query.id()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fromStreams).as("Kafka Streams' %s", query.id()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fromStreams)
                .as("Kafka Streams' %s against Rivulet's", query.id())
                .containsExactlyInAnyOrderElementsOf(fromRivulet);
    }

    private static List<String> events() {
        Random random = new Random(1);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(NexmarkEvents.event(random, i));
        }
        events.addAll(LATE_EVENTS);
        return events;
    }

    private ContenderSettings settings(KafkaCluster kafka, Workload query, Contender contender, String input) {
        String appId = "nexmark-" + query.id() + "-" + contender.id();
        kafka.createTopic(appId + "-out", 1, (short) 1, KEEP_EVERYTHING);
        return new ContenderSettings(kafka.bootstrapServers(), appId, input, appId + "-out", stateDir.resolve(appId));
    }

    /**
     * Waits until {@code output} holds as many results as expected, or, where they are updated, the expected
     * ones. A timeout is not reported here: the assertions on the output then show what is missing.
     */
    private static void awaitResults(
            KafkaCluster kafka, Workload query, String input, String output, boolean updates, List<String> expected) {
        try (KafkaProducer<String, String> producer = TestRecords.stringProducer(kafka.bootstrapServers())) {
            Await.until(TIMEOUT, output + " holding " + expected.size() + " results", () -> {
                if (!query.stateless()) {
                    LATE_EVENTS.forEach(event -> producer.send(new ProducerRecord<>(input, event)));
                    producer.flush();
                }
                List<String> results = results(kafka, output, updates);
                return updates ? sorted(results).equals(sorted(expected)) : results.size() >= expected.size();
            });
        } catch (AssertionError notReached) {
            // Reported by the assertions on the output.
        }
    }

    /** The committed output as {@code value} or {@code key -> value}; for updates, the last value per key. */
    private static List<String> results(KafkaCluster kafka, String topic, boolean updates) {
        List<ConsumerRecord<String, String>> records =
                TestRecords.readAllCommitted(kafka.bootstrapServers(), topic, Duration.ofSeconds(30));
        if (updates) {
            Map<String, String> last = new LinkedHashMap<>();
            records.forEach(record -> last.put(record.key(), record.value()));
            return last.entrySet().stream()
                    .map(e -> e.getKey() + " -> " + e.getValue())
                    .toList();
        }
        return records.stream()
                .map(r -> r.key() == null ? r.value() : r.key() + " -> " + r.value())
                .toList();
    }

    private static List<String> sorted(List<String> results) {
        return results.stream().sorted().toList();
    }
}
