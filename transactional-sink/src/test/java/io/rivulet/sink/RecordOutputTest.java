package io.rivulet.sink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

@WithKafkaCluster
class RecordOutputTest {

    private static final ConsumerGroupMetadata NO_GROUP = new ConsumerGroupMetadata("record-output-test");

    @Test
    void exactlyOnceMakesRecordsVisibleOnlyOnCommit(KafkaCluster kafka) {
        kafka.createTopic("eos-out", 1);
        try (RecordOutput output = RecordOutput.create(ProcessingGuarantee.EXACTLY_ONCE, configs(kafka), "eos-1")) {
            output.send(record("eos-out", "aborted"));
            output.abort();
            output.send(record("eos-out", "committed"));
            output.commit(Map.of(), NO_GROUP, offsets -> {});
        }
        assertThat(values(kafka, "eos-out", 1)).containsExactly("committed");
    }

    @Test
    void aNewProducerWithTheSameIdFencesTheZombie(KafkaCluster kafka) {
        kafka.createTopic("eos-zombie", 1);
        try (RecordOutput zombie = RecordOutput.create(ProcessingGuarantee.EXACTLY_ONCE, configs(kafka), "eos-z")) {
            zombie.send(record("eos-zombie", "from-zombie"));
            try (RecordOutput successor =
                    RecordOutput.create(ProcessingGuarantee.EXACTLY_ONCE, configs(kafka), "eos-z")) {
                assertThatThrownBy(() -> zombie.commit(Map.of(), NO_GROUP, offsets -> {}))
                        .isInstanceOf(TransactionAbortedException.class)
                        .matches(e -> ((TransactionAbortedException) e).ownershipLost());
                successor.send(record("eos-zombie", "from-successor"));
                successor.commit(Map.of(), NO_GROUP, offsets -> {});
            }
        }
        assertThat(values(kafka, "eos-zombie", 1)).containsExactly("from-successor");
    }

    @Test
    void atLeastOnceFlushesBeforeCommittingOffsets(KafkaCluster kafka) {
        kafka.createTopic("alos-out", 1);
        List<String> events = new ArrayList<>();
        TopicPartition input = new TopicPartition("input", 0);
        try (RecordOutput output = RecordOutput.create(ProcessingGuarantee.AT_LEAST_ONCE, configs(kafka), "alos-1")) {
            output.send(record("alos-out", "one"));
            output.commit(Map.of(input, new OffsetAndMetadata(7)), NO_GROUP, offsets -> {
                events.add("visible before offsets: "
                        + TestRecords.readAllCommitted(kafka.bootstrapServers(), "alos-out", Duration.ofSeconds(30))
                                .stream()
                                .map(ConsumerRecord::value)
                                .toList());
                events.add("offsets " + offsets.get(input).offset());
            });
        }
        assertThat(events).containsExactly("visible before offsets: [one]", "offsets 7");
    }

    @Test
    void aCommitReportsWhereEachExplicitlyChosenPartitionEnded(KafkaCluster kafka) {
        kafka.createTopic("acked-changelog", 2);
        kafka.createTopic("acked-out", 1);
        for (ProcessingGuarantee guarantee :
                List.of(ProcessingGuarantee.EXACTLY_ONCE, ProcessingGuarantee.AT_LEAST_ONCE)) {
            try (RecordOutput output = RecordOutput.create(guarantee, configs(kafka), "acked-" + guarantee)) {
                output.send(new ProducerRecord<>("acked-changelog", 1, null, "a".getBytes(UTF_8)));
                output.send(new ProducerRecord<>("acked-changelog", 1, null, "b".getBytes(UTF_8)));
                output.send(record("acked-out", "no partition chosen"));
                Map<TopicPartition, Long> acknowledged = output.commit(Map.of(), NO_GROUP, offsets -> {});
                assertThat(acknowledged).containsOnlyKeys(new TopicPartition("acked-changelog", 1));
                long end = acknowledged.get(new TopicPartition("acked-changelog", 1));
                output.send(new ProducerRecord<>("acked-changelog", 0, null, "c".getBytes(UTF_8)));
                output.abort();
                output.send(new ProducerRecord<>("acked-changelog", 1, null, "d".getBytes(UTF_8)));
                assertThat(output.commit(Map.of(), NO_GROUP, offsets -> {}))
                        .as("the aborted send is not reported; the next commit starts afresh")
                        .containsOnly(Map.entry(
                                new TopicPartition("acked-changelog", 1),
                                guarantee == ProcessingGuarantee.EXACTLY_ONCE ? end + 2 : end + 1));
            }
        }
    }

    /**
     * Reads until {@code expected} records arrived: {@code commitTransaction} returns before the commit
     * markers reach the partition, so a snapshot of the topic taken right after it may miss the records.
     * An aborted record that leaked would precede the committed one and show up in its place.
     */
    private static List<String> values(KafkaCluster kafka, String topic, int expected) {
        return TestRecords.readCommitted(kafka.bootstrapServers(), topic, expected, Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String value) {
        return new ProducerRecord<>(topic, value.getBytes(UTF_8), value.getBytes(UTF_8));
    }

    private static Map<String, Object> configs(KafkaCluster kafka) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    }
}
