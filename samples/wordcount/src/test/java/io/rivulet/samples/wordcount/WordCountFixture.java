package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;

/** Topics, input and the exactly-once check that every wordcount test shares. */
final class WordCountFixture {

    private final KafkaCluster kafka;
    private final Map<String, ?> clients;
    private final Map<String, Long> expected = new TreeMap<>();
    private final Random random = new Random(42);

    WordCountFixture(KafkaCluster kafka, int partitions) {
        this(kafka, partitions, Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    /** @param clients the settings the fixture's own clients connect with (bootstrap servers, and security if any) */
    WordCountFixture(KafkaCluster kafka, int partitions, Map<String, ?> clients) {
        this.kafka = kafka;
        this.clients = Map.copyOf(clients);
        deleteAllTopics();
        kafka.createTopic(WordCountJob.INPUT, partitions);
        kafka.createTopic(WordCountJob.OUTPUT, partitions);
    }

    private void deleteAllTopics() {
        try (Admin admin = Admin.create(Map.<String, Object>copyOf(clients))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            if (!topics.isEmpty()) {
                admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
            }
            Await.until(
                    Duration.ofSeconds(30),
                    "topics " + topics + " deleted",
                    () -> admin.listTopics().names().get(5, TimeUnit.SECONDS).isEmpty());
        } catch (Exception e) {
            throw new IllegalStateException("cannot reset the topics", e);
        }
    }

    /** Produces {@code count} random lines over a small vocabulary and records the expected counts. */
    void produceLines(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(randomLine());
        }
        TestRecords.produceValues(clients, WordCountJob.INPUT, lines);
    }

    /** A random line of five words over a small vocabulary, mixed case and punctuation; its words are expected. */
    String randomLine() {
        StringBuilder line = new StringBuilder();
        for (int w = 0; w < 5; w++) {
            String word = "word" + random.nextInt(40);
            line.append(w == 0 ? "" : (w % 2 == 0 ? ", " : " ")).append(w == 1 ? word.toUpperCase() : word);
            expected.merge(word, 1L, Long::sum);
        }
        return line.toString();
    }

    /** Produces {@code count} lines of one word each, every word new: each one's count is a changelog record of its own. */
    void produceDistinctWords(String prefix, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String word = prefix + i;
            lines.add(word);
            expected.merge(word, 1L, Long::sum);
        }
        TestRecords.produceValues(clients, WordCountJob.INPUT, lines);
    }

    void produceLine(String line, Map<String, Long> words) {
        TestRecords.produceValues(clients, WordCountJob.INPUT, List.of(line));
        words.forEach((w, n) -> expected.merge(w, n, Long::sum));
    }

    /** Every word produced so far and how often. */
    Map<String, Long> expectedCounts() {
        return Map.copyOf(expected);
    }

    long expectedOccurrences() {
        return expected.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Reads word-counts with read_committed until every expected occurrence arrived, then checks that the
     * values emitted for each word are exactly 1, 2, ..., n: no gap, no duplicate.
     */
    void assertExactlyOnceCounts() {
        long total = expectedOccurrences();
        List<ConsumerRecord<String, String>> read =
                TestRecords.readCommitted(clients, WordCountJob.OUTPUT, (int) total, Duration.ofSeconds(120));
        Await.until(
                Duration.ofSeconds(30),
                "nothing beyond the expected output is committed",
                () -> TestRecords.readAllCommitted(clients, WordCountJob.OUTPUT, Duration.ofSeconds(30))
                                .size()
                        == read.size());
        Map<String, List<Long>> emitted = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : read) {
            emitted.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(Long.parseLong(record.value()));
        }
        assertThat(emitted.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((word, n) -> assertThat(emitted.get(word))
                .as("counts emitted for %s", word)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, n).boxed().toList()));
    }
}
