package io.rivulet.internal.runtime.changelog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.rivulet.internal.runtime.metrics.RuntimeMetrics;
import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.internal.state.StateNames;
import io.rivulet.state.InMemoryStateBackend;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.junit.WithKafkaCluster;

@WithKafkaCluster
class ChangelogReaderTest {

    private static final TaskId TASK = new TaskId(1, 0);
    private static final TopicPartition CHANGELOG = new TopicPartition("reader-count-changelog", 0);
    private static final String COUNTS = StateNames.of("count", "value");
    private static final int RECORDS = 1_000;

    @Test
    void aRestoreReportsHowFarItGotUntilItFinishes(KafkaCluster kafka) {
        kafka.createTopic(CHANGELOG.topic(), 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(
                        CHANGELOG.topic(),
                        CHANGELOG.partition(),
                        ChangelogFormat.key(COUNTS, ("k" + i).getBytes(UTF_8)),
                        String.valueOf(i).getBytes(UTF_8)));
            }
        }
        RuntimeMetrics metrics = new RuntimeMetrics();
        try (InMemoryStateBackend backend = new InMemoryStateBackend();
                ChangelogReader reader = new ChangelogReader(restoreConsumer(kafka), metrics)) {
            TaskStateManager state =
                    new TaskStateManager(TASK, backend.open(TASK.toString()), Map.of("count", CHANGELOG));
            assertThat(reader.register(state))
                    .as("there is something to restore")
                    .isFalse();
            assertThat(reader.progress(TASK)).contains(new ChangelogReader.Progress(0, RECORDS, 0));

            List<ChangelogReader.Progress> seen = new ArrayList<>();
            Await.until(Duration.ofSeconds(30), "the task restored", () -> {
                boolean finished = reader.restoreBatch().contains(TASK);
                reader.progress(TASK).ifPresent(seen::add);
                return finished;
            });
            assertThat(seen)
                    .as("batches of at most 100 records: the restore is seen half-way")
                    .anySatisfy(progress -> assertThat(progress.restored()).isBetween(1L, RECORDS - 1L));
            assertThat(seen).allSatisfy(progress -> {
                assertThat(progress.restored() + progress.remaining()).isEqualTo(RECORDS);
                assertThat(progress.recordsPerSecond()).isNotNegative();
            });
            assertThat(reader.progress(TASK)).as("a finished restore").isEqualTo(Optional.empty());
            assertThat(reader.restoring()).isFalse();
            assertThat(metrics.recordsRestored()).isEqualTo(RECORDS);
            state.close();
        }
    }

    private static KafkaConsumer<byte[], byte[]> restoreConsumer(KafkaCluster kafka) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        100,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }
}
