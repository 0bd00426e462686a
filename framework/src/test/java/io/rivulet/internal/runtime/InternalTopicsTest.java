package io.rivulet.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.graph.TopologyCompiler;
import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.internal.runtime.task.StreamsFatalException;
import io.rivulet.internal.runtime.thread.RepartitionPurger;
import io.rivulet.sink.ProcessingGuarantee;
import io.rivulet.testfunctions.Echo;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.junit.WithKafkaCluster;

@WithKafkaCluster
class InternalTopicsTest {

    @TempDir
    Path stateDir;

    @Test
    void createsRepartitionAndCompactedChangelogTopicsWithTheInputsPartitionCount(KafkaCluster kafka) throws Exception {
        kafka.createTopic("topics-in", 3);
        kafka.createTopic("topics-out", 1);
        try (Admin admin = admin(kafka)) {
            Map<String, Integer> partitions = new InternalTopics(admin, config("topics"))
                    .setUp(TopologyCompiler.compile("topics", JobGraphs.of(job("topics-in", "topics-out"))));

            assertThat(partitions).containsEntry("topics-in", 3).containsEntry("topics-repartition-0", 3);
            // Created topics reach every broker's metadata a moment after the create call returns.
            Await.until(Duration.ofSeconds(30), "the internal topics are visible", () -> {
                try {
                    admin.describeTopics(List.of("topics-echo-changelog", "topics-repartition-0"))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS);
                    return true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        return false;
                    }
                    throw e;
                }
            });
            assertThat(admin.describeTopics(List.of("topics-echo-changelog"))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS)
                            .get("topics-echo-changelog")
                            .partitions())
                    .hasSize(3);
            ConfigResource changelog = new ConfigResource(ConfigResource.Type.TOPIC, "topics-echo-changelog");
            assertThat(admin.describeConfigs(List.of(changelog))
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .get(changelog)
                            .get("cleanup.policy")
                            .value())
                    .isEqualTo("compact");
            ConfigResource repartition = new ConfigResource(ConfigResource.Type.TOPIC, "topics-repartition-0");
            assertThat(admin.describeConfigs(List.of(repartition))
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .get(repartition)
                            .get("retention.ms")
                            .value())
                    .as("event-time stamped records must not age out unread")
                    .isEqualTo("-1");
        }
    }

    @Test
    void consumedRepartitionRecordsAreDeletedAfterTheirCommit(KafkaCluster kafka) throws Exception {
        kafka.createTopic("purge-repartition-0", 2);
        kafka.createTopic("purge-other", 1);
        try (Admin admin = admin(kafka);
                var producer = new KafkaProducer<String, String>(
                        Map.of("bootstrap.servers", kafka.bootstrapServers()),
                        new StringSerializer(),
                        new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("purge-repartition-0", 0, null, "r" + i));
                producer.send(new ProducerRecord<>("purge-other", 0, null, "o" + i));
            }
            producer.flush();
            var partition = new TopicPartition("purge-repartition-0", 0);
            var other = new TopicPartition("purge-other", 0);
            new RepartitionPurger(admin, Set.of("purge-repartition-0"), Duration.ZERO)
                    .committed(Map.of(
                            partition, new OffsetAndMetadata(6),
                            other, new OffsetAndMetadata(6)));

            Await.until(
                    Duration.ofSeconds(30),
                    "the first 6 records of the repartition partition are deleted",
                    () -> earliest(admin, partition) == 6);
            assertThat(earliest(admin, other))
                    .as("topics that are not repartition topics are left alone")
                    .isZero();
        }
    }

    private static long earliest(Admin admin, TopicPartition partition) throws Exception {
        return admin.listOffsets(Map.of(partition, OffsetSpec.earliest()))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(partition)
                .offset();
    }

    @Test
    void anInternalTopicOfTheWrongShapeOrAMissingInputFailsStartNamingIt(KafkaCluster kafka) {
        kafka.createTopic("shape-in", 2);
        kafka.createTopic("shape-out", 1);
        kafka.createTopic("shape-repartition-0", 5);
        try (Admin admin = admin(kafka)) {
            assertThatThrownBy(() -> new InternalTopics(admin, config("shape"))
                            .setUp(TopologyCompiler.compile("shape", JobGraphs.of(job("shape-in", "shape-out")))))
                    .isInstanceOf(StreamsFatalException.class)
                    .hasMessageContaining("shape-repartition-0 has 5 partitions but the job needs 2");
            assertThatThrownBy(() -> new InternalTopics(admin, config("missing"))
                            .setUp(TopologyCompiler.compile(
                                    "missing", JobGraphs.of(job("no-such-input", "shape-out")))))
                    .hasMessageContaining("[no-such-input]")
                    .hasMessageContaining("do not exist");
        }
    }

    private static JobBuilder job(String in, String out) {
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values(in, Serdes.string()))
                .keyBy(s -> s, Serdes.string(), Serdes.string())
                .process(new Echo())
                .uid("echo")
                .sinkTo(KafkaSink.values(out, Serdes.string()));
        return job;
    }

    private RuntimeConfig config(String applicationId) {
        return new RuntimeConfig(
                applicationId,
                Map.of(),
                stateDir,
                ProcessingGuarantee.EXACTLY_ONCE,
                Duration.ofMillis(100),
                1,
                ErrorPolicy.FAIL,
                ErrorPolicy.FAIL,
                Optional.empty(),
                false);
    }

    private static Admin admin(KafkaCluster kafka) {
        return Admin.create(
                Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
