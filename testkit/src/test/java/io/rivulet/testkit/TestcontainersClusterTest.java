package io.rivulet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import io.rivulet.testkit.junit.WithKafkaCluster;

/** Runs only where a Docker engine answers; elsewhere every test here is reported as skipped. */
@Testcontainers(disabledWithoutDocker = true)
@WithKafkaCluster(mode = BrokerMode.TESTCONTAINERS)
class TestcontainersClusterTest {

    @Test
    void servesProduceAndReadCommitted(KafkaCluster kafka) {
        kafka.createTopic("in-container", 1);
        TestRecords.produceValues(kafka.bootstrapServers(), "in-container", List.of("a", "b"));
        assertThat(TestRecords.readCommitted(kafka.bootstrapServers(), "in-container", 2, Duration.ofSeconds(30)))
                .extracting(ConsumerRecord::value)
                .containsExactly("a", "b");
    }
}
