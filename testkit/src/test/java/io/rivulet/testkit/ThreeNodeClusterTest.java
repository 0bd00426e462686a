package io.rivulet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

import io.rivulet.testkit.junit.WithKafkaCluster;

@WithKafkaCluster(nodes = 3, mode = BrokerMode.PROCESS)
class ThreeNodeClusterTest {

    @Test
    void keepsServingAReplicatedTopicWhileOneNodeIsDownAndTheNodeRejoins(KafkaCluster kafka) throws Exception {
        assertThat(kafka.nodeIds()).hasSize(3);
        kafka.createTopic("replicated", 3, (short) 3, Map.of("min.insync.replicas", "2"));
        TestRecords.produce(kafka.bootstrapServers(), "replicated", records("before", 30));

        int stopped = kafka.nodeIds().iterator().next();
        kafka.stopNode(stopped);
        TestRecords.produce(kafka.bootstrapServers(), "replicated", records("during", 30));
        assertThat(TestRecords.readCommitted(kafka.bootstrapServers(), "replicated", 60, Duration.ofSeconds(60)))
                .extracting(ConsumerRecord::value)
                .hasSize(60);

        kafka.startNode(stopped);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Await.until(
                    Duration.ofSeconds(60),
                    "node " + stopped + " back in every ISR",
                    () -> admin
                            .describeTopics(Set.of("replicated"))
                            .allTopicNames()
                            .get(5, TimeUnit.SECONDS)
                            .get("replicated")
                            .partitions()
                            .stream()
                            .map(TopicPartitionInfo::isr)
                            .allMatch(isr -> isr.stream().anyMatch(node -> node.id() == stopped)));
        }
        TestRecords.produce(kafka.bootstrapServers(), "replicated", records("after", 30));
        assertThat(TestRecords.readCommitted(kafka.bootstrapServers(), "replicated", 90, Duration.ofSeconds(60)))
                .extracting(ConsumerRecord::value)
                .hasSize(90)
                .doesNotHaveDuplicates();
    }

    private static List<Map.Entry<String, String>> records(String phase, int count) {
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(Map.entry("key-" + i, phase + "-" + i));
        }
        return records;
    }
}
