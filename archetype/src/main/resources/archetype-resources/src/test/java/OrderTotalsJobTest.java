package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rivulet.testkit.TestRecords;

/** Runs the service against a real broker and reads its output with read_committed. */
@QuarkusTest
@QuarkusTestResource(KafkaTestBroker.class)
class OrderTotalsJobTest {

    @ConfigProperty(name = "rivulet.kafka.bootstrap-servers")
    String bootstrapServers;

    @Test
    void emitsEachCustomersRunningTotalExactlyOnce() {
        // Keyed by customer, so that each customer's orders are in one partition, in order.
        TestRecords.produce(bootstrapServers, OrderTotalsJob.INPUT, List.of(
                Map.entry("alice", "{\"customer\": \"alice\", \"amountCents\": 1000}"),
                Map.entry("bob", "{\"customer\": \"bob\", \"amountCents\": 250}"),
                Map.entry("alice", "{\"customer\": \"alice\", \"amountCents\": 500}"),
                Map.entry("bob", "{\"customer\": \"bob\", \"amountCents\": 0}"),
                Map.entry("alice", "{\"customer\": \"alice\", \"amountCents\": 1}")));

        List<ConsumerRecord<String, String>> totals = TestRecords.readCommitted(bootstrapServers, OrderTotalsJob.OUTPUT, 4,
                Duration.ofSeconds(60));

        assertThat(totals).filteredOn(r -> r.key().equals("alice")).extracting(ConsumerRecord::value)
                .containsExactly("1000", "1500", "1501");
        assertThat(totals).filteredOn(r -> r.key().equals("bob")).extracting(ConsumerRecord::value)
                .containsExactly("250");
    }
}
