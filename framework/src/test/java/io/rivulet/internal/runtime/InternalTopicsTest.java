package io.rivulet.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.KafkaSink;
import io.rivulet.api.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.testfunctions.Echo;
import io.rivulet.internal.graph.TopologyCompiler;
import io.rivulet.sink.ProcessingGuarantee;
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
            Map<String, Integer> partitions = new InternalTopics(admin, config("topics")).setUp(
                    TopologyCompiler.compile("topics", job("topics-in", "topics-out").graph()));

            assertThat(partitions).containsEntry("topics-in", 3).containsEntry("topics-repartition-0", 3);
            assertThat(admin.describeTopics(java.util.List.of("topics-echo-changelog")).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get("topics-echo-changelog").partitions()).hasSize(3);
            ConfigResource changelog = new ConfigResource(ConfigResource.Type.TOPIC, "topics-echo-changelog");
            assertThat(admin.describeConfigs(java.util.List.of(changelog)).all().get(30, TimeUnit.SECONDS)
                    .get(changelog).get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void anInternalTopicOfTheWrongShapeOrAMissingInputFailsStartNamingIt(KafkaCluster kafka) {
        kafka.createTopic("shape-in", 2);
        kafka.createTopic("shape-out", 1);
        kafka.createTopic("shape-repartition-0", 5);
        try (Admin admin = admin(kafka)) {
            assertThatThrownBy(() -> new InternalTopics(admin, config("shape")).setUp(
                    TopologyCompiler.compile("shape", job("shape-in", "shape-out").graph())))
                    .isInstanceOf(StreamsFatalException.class)
                    .hasMessageContaining("shape-repartition-0 has 5 partitions but the job needs 2");
            assertThatThrownBy(() -> new InternalTopics(admin, config("missing")).setUp(
                    TopologyCompiler.compile("missing", job("no-such-input", "shape-out").graph())))
                    .hasMessageContaining("[no-such-input]").hasMessageContaining("do not exist");
        }
    }

    private static JobBuilder job(String in, String out) {
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values(in, Serdes.string()))
                .keyBy(s -> s, Serdes.string(), Serdes.string())
                .process(new Echo()).uid("echo")
                .sinkTo(KafkaSink.values(out, Serdes.string()));
        return job;
    }

    private RuntimeConfig config(String applicationId) {
        return new RuntimeConfig(applicationId, Map.of(), stateDir, ProcessingGuarantee.EXACTLY_ONCE,
                Duration.ofMillis(100), 1, ErrorPolicy.FAIL, ErrorPolicy.FAIL, Optional.empty(), false);
    }

    private static Admin admin(KafkaCluster kafka) {
        return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
