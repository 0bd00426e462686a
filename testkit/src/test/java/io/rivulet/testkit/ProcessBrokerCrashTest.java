package io.rivulet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.rivulet.testkit.internal.ProcessKafkaCluster;
import io.rivulet.testkit.junit.WithKafkaCluster;

@WithKafkaCluster(mode = BrokerMode.PROCESS)
class ProcessBrokerCrashTest {

    @Test
    void aBrokerKilledWithSigkillKeepsEveryCommittedRecord(KafkaCluster kafka) {
        kafka.createTopic("durable", 2);
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            records.add(Map.entry("k" + i, "v" + i));
        }
        TestRecords.produce(kafka.bootstrapServers(), "durable", records);
        long pidBefore = ((ProcessKafkaCluster) kafka).pid(1);

        kafka.killNode(1);
        assertThat(ProcessHandle.of(pidBefore)).isEmpty();
        kafka.startNode(1);

        assertThat(((ProcessKafkaCluster) kafka).pid(1)).isNotEqualTo(pidBefore);
        List<ConsumerRecord<String, String>> read =
                TestRecords.readAllCommitted(kafka.bootstrapServers(), "durable", Duration.ofSeconds(60));
        assertThat(read)
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(
                        records.stream().map(Map.Entry::getValue).toList());
    }
}
