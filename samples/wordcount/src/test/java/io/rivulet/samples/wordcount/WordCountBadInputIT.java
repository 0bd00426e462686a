package io.rivulet.samples.wordcount;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/** A line that is not UTF-8 takes each of the three deserialization-error paths. */
@WithKafkaCluster
class WordCountBadInputIT {

    private static final byte[] NOT_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};

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
