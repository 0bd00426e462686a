package io.rivulet.samples.wordcount;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * A line that is not UTF-8 takes each of the three deserialization-error paths; and 10 % poison at volume, half
 * undecodable and half throwing in processing, goes to the dead-letter topic exactly once while every good line is
 * counted exactly once.
 */
@WithKafkaCluster
class WordCountBadInputIT {

    private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
    private static final int VOLUME = 100_000;
    private static final int VOLUME_PARTITIONS = 4;

    @TempDir
    Path workDir;

    @Test
    void failStopsTheServiceNamingTopicPartitionAndOffset(KafkaCluster kafka) throws Exception {
        new WordCountFixture(kafka, 1);
        RecordMetadata poison = producePoison(kafka);
        try (ServiceProcess service = new ServiceProcess(
                        kafka.bootstrapServers(), workDir, Map.of("RIVULET_APPLICATION_ID", "wordcount-fail"))
                .start()) {
            assertThat(service.waitForExit()).isNotZero();
            assertThat(service.log())
                    .contains("deserialization of the record at topic text-lines, partition 0, offset "
                            + poison.offset());
        }
        assertThat(TestRecords.readAllCommitted(kafka.bootstrapServers(), WordCountJob.OUTPUT, Duration.ofSeconds(10)))
                .isEmpty();
    }

    @Test
    void skipLogsTheRecordAndCountsTheRest(KafkaCluster kafka) throws Exception {
        WordCountFixture fixture = new WordCountFixture(kafka, 1);
        fixture.produceLine("before poison", Map.of("before", 1L, "poison", 1L));
        RecordMetadata poison = producePoison(kafka);
        fixture.produceLine("after poison", Map.of("after", 1L, "poison", 1L));
        try (ServiceProcess service = new ServiceProcess(
                        kafka.bootstrapServers(),
                        workDir,
                        Map.of("RIVULET_APPLICATION_ID", "wordcount-skip", "RIVULET_ERRORS_DESERIALIZATION", "skip"))
                .start()
                .awaitReady()) {
            fixture.assertExactlyOnceCounts();
            assertThat(service.log()).contains("Skipping the record at text-lines-0@" + poison.offset());
        }
    }

    @Test
    void deadLetterWritesTheRecordOnceWithItsOriginInHeaders(KafkaCluster kafka) throws Exception {
        WordCountFixture fixture = new WordCountFixture(kafka, 1);
        fixture.produceLine("before poison", Map.of("before", 1L, "poison", 1L));
        RecordMetadata poison = producePoison(kafka);
        fixture.produceLine("after poison", Map.of("after", 1L, "poison", 1L));
        try (ServiceProcess service = new ServiceProcess(
                        kafka.bootstrapServers(),
                        workDir,
                        Map.of(
                                "RIVULET_APPLICATION_ID",
                                "wordcount-dead-letter",
                                "RIVULET_ERRORS_DESERIALIZATION",
                                "dead-letter"))
                .start()
                .awaitReady()) {
            fixture.assertExactlyOnceCounts();
        }
        List<ConsumerRecord<byte[], byte[]>> dead = TestRecords.readCommitted(
                kafka.bootstrapServers(),
                "wordcount-dead-letter-dlq",
                2,
                Duration.ofSeconds(5),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        assertThat(dead).hasSize(1);
        ConsumerRecord<byte[], byte[]> letter = dead.get(0);
        assertThat(letter.value()).isEqualTo(NOT_UTF8);
        assertThat(header(letter, "rivulet.dlq.source.topic")).isEqualTo("text-lines");
        assertThat(header(letter, "rivulet.dlq.source.partition")).isEqualTo("0");
        assertThat(header(letter, "rivulet.dlq.source.offset")).isEqualTo(String.valueOf(poison.offset()));
        assertThat(header(letter, "rivulet.dlq.stage")).isEqualTo("deserialization");
        assertThat(header(letter, "rivulet.dlq.cause")).contains("not valid UTF-8");
    }

    @Test
    void tenPercentPoisonAtVolumeIsDeadLetteredOnceAndTheRestCountedOnce(KafkaCluster kafka) throws Exception {
        WordCountFixture clean = new WordCountFixture(kafka, VOLUME_PARTITIONS);
        List<ProducerRecord<byte[], byte[]>> cleanInput = new ArrayList<>();
        for (int i = 0; i < VOLUME; i++) {
            cleanInput.add(
                    new ProducerRecord<>(WordCountJob.INPUT, clean.randomLine().getBytes(UTF_8)));
        }
        produceAll(kafka, cleanInput);
        Duration cleanDrain = drain(kafka, "wordcount-clean", Map.of());
        clean.assertExactlyOnceCounts();

        WordCountFixture fixture = new WordCountFixture(kafka, VOLUME_PARTITIONS);
        List<ProducerRecord<byte[], byte[]>> input = new ArrayList<>();
        for (int i = 0; i < VOLUME; i++) {
            if (i % 10 != 3) {
                input.add(new ProducerRecord<>(
                        WordCountJob.INPUT, fixture.randomLine().getBytes(UTF_8)));
            } else {
                byte[] poison = (i / 10) % 2 == 0 ? undecodable(i) : ("poison\0" + i).getBytes(UTF_8);
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(WordCountJob.INPUT, null, poison);
                record.headers().add("trace-id", String.valueOf(i).getBytes(UTF_8));
                input.add(record);
            }
        }
        Map<Integer, RecordMetadata> produced = produceAll(kafka, input);
        Duration poisonDrain = drain(
                kafka,
                "wordcount-poison",
                Map.of("RIVULET_ERRORS_DESERIALIZATION", "dead-letter", "RIVULET_ERRORS_PROCESSING", "dead-letter"));
        fixture.assertExactlyOnceCounts();

        int poisoned = VOLUME / 10;
        List<ConsumerRecord<byte[], byte[]>> dead = TestRecords.readCommitted(
                kafka.bootstrapServers(),
                "wordcount-poison-dlq",
                poisoned,
                Duration.ofSeconds(60),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        assertThat(dead).hasSize(poisoned);
        Map<Integer, ConsumerRecord<byte[], byte[]>> byTraceId = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : dead) {
            assertThat(byTraceId.put(Integer.parseInt(header(letter, "trace-id")), letter))
                    .as("a second dead letter")
                    .isNull();
        }
        assertThat(byTraceId.keySet()).containsExactlyElementsOf(produced.keySet());
        byTraceId.forEach((i, letter) -> {
            RecordMetadata source = produced.get(i);
            assertThat(letter.value()).isEqualTo(input.get(i).value());
            assertThat(header(letter, "rivulet.dlq.source.topic")).isEqualTo(WordCountJob.INPUT);
            assertThat(header(letter, "rivulet.dlq.source.partition")).isEqualTo(String.valueOf(source.partition()));
            assertThat(header(letter, "rivulet.dlq.source.offset")).isEqualTo(String.valueOf(source.offset()));
            boolean undecodable = (i / 10) % 2 == 0;
            assertThat(header(letter, "rivulet.dlq.stage")).isEqualTo(undecodable ? "deserialization" : "processing");
            assertThat(header(letter, "rivulet.dlq.cause")).contains(undecodable ? "not valid UTF-8" : "NUL character");
            assertThat(letter.timestamp()).isEqualTo(source.timestamp());
        });
        System.out.printf(
                "Poison at volume: %,d records over %d partitions; clean %,d ms (%,.0f records/s),"
                        + " with 10 %% poison to the dead-letter topic %,d ms (%,.0f records/s, %.2f of clean)%n",
                VOLUME,
                VOLUME_PARTITIONS,
                cleanDrain.toMillis(),
                VOLUME * 1000.0 / cleanDrain.toMillis(),
                poisonDrain.toMillis(),
                VOLUME * 1000.0 / poisonDrain.toMillis(),
                (double) cleanDrain.toMillis() / poisonDrain.toMillis());
    }

    /**
     * Starts a service on the topic as it is and returns the time from readiness until the group's committed
     * offsets reach the ends of its input and of its repartition topic; the service must stay alive and live
     * throughout. Stops it with SIGTERM.
     */
    private Duration drain(KafkaCluster kafka, String applicationId, Map<String, String> settings) throws Exception {
        Map<String, String> env = new TreeMap<>(settings);
        env.put("RIVULET_APPLICATION_ID", applicationId);
        try (ServiceProcess service = new ServiceProcess(kafka.bootstrapServers(), workDir, env)
                        .start()
                        .awaitReady();
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            long start = System.nanoTime();
            Await.until(
                    Duration.ofMinutes(3),
                    applicationId + " committed its input and repartition topics to their ends",
                    () -> {
                        assertThat(service.alive())
                                .as("service alive; log:%n%s", service.log())
                                .isTrue();
                        return caughtUp(admin, applicationId);
                    });
            Duration drained = Duration.ofNanos(System.nanoTime() - start);
            assertThat(service.status("/q/health/live")).isEqualTo(200);
            assertThat(service.status("/q/health/ready")).isEqualTo(200);
            service.stop();
            return drained;
        }
    }

    /** Every partition the group reads, the input's and the repartition topic's, committed up to its end. */
    private static boolean caughtUp(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        if (committed.size() < 2 * VOLUME_PARTITIONS) {
            return false;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get();
        return committed.entrySet().stream()
                .allMatch(e -> e.getValue() != null
                        && e.getValue().offset() == ends.get(e.getKey()).offset());
    }

    /** Produces every record, batched, and returns the metadata of those with a {@code trace-id} header by it. */
    private static Map<Integer, RecordMetadata> produceAll(
            KafkaCluster kafka, List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        Map<Integer, Future<RecordMetadata>> traced = new TreeMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        65536),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                Future<RecordMetadata> sent = producer.send(record);
                if (record.headers().lastHeader("trace-id") != null) {
                    traced.put(
                            Integer.parseInt(new String(
                                    record.headers().lastHeader("trace-id").value(), UTF_8)),
                            sent);
                }
            }
            producer.flush();
        }
        Map<Integer, RecordMetadata> metadata = new TreeMap<>();
        for (Map.Entry<Integer, Future<RecordMetadata>> entry : traced.entrySet()) {
            metadata.put(entry.getKey(), entry.getValue().get());
        }
        return metadata;
    }

    private static byte[] undecodable(int i) {
        byte[] digits = String.valueOf(i).getBytes(UTF_8);
        byte[] value = Arrays.copyOf(NOT_UTF8, NOT_UTF8.length + digits.length);
        System.arraycopy(digits, 0, value, NOT_UTF8.length, digits.length);
        return value;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    private static RecordMetadata producePoison(KafkaCluster kafka) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(WordCountJob.INPUT, null, NOT_UTF8))
                    .get();
        }
    }
}
