package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rivulet.testkit.Await;
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

    @Test
    void emitsEachCustomersTotalPerMinuteOnceTheMinuteIsComplete() {
        TestRecords.produce(bootstrapServers, OrderTotalsJob.INPUT, List.of(
                Map.entry("carol", "{\"customer\": \"carol\", \"amountCents\": 300, \"ts\": 1000}"),
                Map.entry("carol", "{\"customer\": \"carol\", \"amountCents\": 200, \"ts\": 20000}")));
        // Event time advances per partition: an order far ahead on every partition completes the minute.
        try (KafkaProducer<String, String> producer = TestRecords.stringProducer(bootstrapServers)) {
            for (int partition = 0; partition < 2; partition++) {
                producer.send(new ProducerRecord<>(OrderTotalsJob.INPUT, partition, "clock",
                        "{\"customer\": \"clock\", \"amountCents\": 0, \"ts\": 600000}"));
            }
        }

        Await.until(Duration.ofSeconds(60), "carol's first minute", () -> perMinute("carol").size() == 1);
        assertThat(perMinute("carol")).containsExactly("{\"customer\":\"carol\",\"windowStart\":0,\"windowEnd\":60000,"
                + "\"totalCents\":500,\"orders\":2}");
    }

    private List<String> perMinute(String customer) {
        return TestRecords.readAllCommitted(bootstrapServers, OrderTotalsJob.PER_MINUTE, Duration.ofSeconds(30)).stream()
                .filter(r -> customer.equals(r.key())).map(ConsumerRecord::value).toList();
    }
}
