package io.rivulet.api.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.runtime.RuntimeConfig;
import io.rivulet.internal.runtime.RuntimeConfigs;
import io.rivulet.internal.runtime.StreamsRuntime;
import io.rivulet.internal.serde.WriterSchemas;
import io.rivulet.testkit.ClusterSpec;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.KafkaClusters;
import io.rivulet.testkit.TestRecords;

/**
 * Avro on topics: a job reads values an older producer wrote with the first version of a schema, as the current
 * specific record (a field added with a default), and writes them to another topic, which a consumer reads back.
 */
class AvroTopicsTest {

    private static final Schema V1 = new Schema.Parser()
            .parse("{\"type\":\"record\",\"name\":\"AvroAccount\",\"namespace\":\"io.rivulet.api.serde\",\"fields\":["
                    + "{\"name\":\"owner\",\"type\":\"string\"},{\"name\":\"balance\",\"type\":\"long\"}]}");

    @TempDir
    Path stateDir;

    @Test
    void aJobReadsAndWritesAvroTopicsAcrossSchemaVersions() throws Exception {
        try (KafkaCluster kafka = KafkaClusters.start(ClusterSpec.singleNode())) {
            kafka.createTopic("accounts", 1);
            kafka.createTopic("accounts-out", 1);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", kafka.bootstrapServers()),
                    new ByteArraySerializer(),
                    new ByteArraySerializer())) {
                for (String owner : List.of("ann", "bob")) {
                    GenericRecord account = new GenericData.Record(V1);
                    account.put("owner", owner);
                    account.put("balance", 10L);
                    producer.send(
                            new ProducerRecord<>("accounts", Serdes.avro(V1).serialize(account)));
                }
            }
            // The job's process never wrote with V1: it knows it only as the producer's declared old schema.
            WriterSchemas.forgetAll();
            JobBuilder job = new JobBuilder();
            job.fromSource(KafkaSource.values(
                            "accounts", Serdes.avro(AvroAccount.class).withWriterSchemas(V1)))
                    .map(account ->
                            new AvroAccount(account.owner.toString(), account.balance * 2, account.currency.toString()))
                    .sinkTo(KafkaSink.values("accounts-out", Serdes.avro(AvroAccount.class)));
            RuntimeConfig config = RuntimeConfigs.exactlyOnce("avro-topics", kafka.bootstrapServers(), stateDir);
            try (StreamsRuntime runtime = StreamsRuntime.start(config, JobGraphs.of(job), error -> {})) {
                List<String> read = TestRecords.readCommitted(
                                kafka.bootstrapServers(),
                                "accounts-out",
                                2,
                                Duration.ofSeconds(60),
                                new ByteArrayDeserializer(),
                                new ByteArrayDeserializer())
                        .stream()
                        .map(record -> Serdes.avro(AvroAccount.class).deserialize(record.value()))
                        .map(account -> account.owner + ":" + account.balance + ":" + account.currency)
                        .toList();
                assertThat(read).containsExactly("ann:20:EUR", "bob:20:EUR");
            }
        }
    }
}
