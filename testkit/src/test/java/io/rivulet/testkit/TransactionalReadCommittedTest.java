package io.rivulet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.rivulet.testkit.junit.WithKafkaCluster;

@WithKafkaCluster
class TransactionalReadCommittedTest {

    @Test
    void committedRecordsAreVisibleAndAbortedOnesNever(KafkaCluster kafka) throws Exception {
        kafka.createTopic("tx-out", 2);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-tx");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx-out", "k1", "committed-1"));
            producer.send(new ProducerRecord<>("tx-out", "k2", "committed-2"));
            producer.commitTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx-out", "k1", "aborted-1"));
            producer.send(new ProducerRecord<>("tx-out", "k2", "aborted-2"));
            producer.flush();
            producer.abortTransaction();

            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx-out", "k3", "committed-3"));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, String>> visible =
                TestRecords.readCommitted(kafka.bootstrapServers(), "tx-out", 3, Duration.ofSeconds(30));

        assertThat(visible)
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("committed-1", "committed-2", "committed-3");
    }

    @Test
    void anOpenTransactionStaysInvisibleUntilCommitted(KafkaCluster kafka) {
        kafka.createTopic("tx-open", 1);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "testkit-open");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx-open", "k", "pending"));
            producer.flush();

            assertThat(TestRecords.readAllCommitted(kafka.bootstrapServers(), "tx-open", Duration.ofSeconds(10)))
                    .isEmpty();

            producer.commitTransaction();
        }
        assertThat(TestRecords.readCommitted(kafka.bootstrapServers(), "tx-open", 1, Duration.ofSeconds(30)))
                .extracting(ConsumerRecord::value)
                .containsExactly("pending");
    }
}
