package io.rivulet.samples.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * The service on the real broker: generated transactions give exactly the alerts of a reference scan,
 * although the service is killed mid-stream; new rules on {@code fraud-rules} apply to what comes after.
 */
@WithKafkaCluster
class FraudDetectionIT {

    private static final long BASE = 1_700_000_000_000L;

    @TempDir
    Path workDir;

    /** Charges of many accounts, in event-time order, many small charges and large ones. */
    private static List<Transaction> generate(int count, long from, long seed) {
        Random random = new Random(seed);
        List<Transaction> charges = new ArrayList<>();
        long ts = from;
        for (int i = 0; i < count; i++) {
            ts += random.nextInt(3_000);
            int kind = random.nextInt(10);
            String amount = kind < 3 ? "0.50" : kind < 6 ? "750.00" : kind < 8 ? "3.00" : "120.00";
            charges.add(new Transaction("acct-" + random.nextInt(20), new BigDecimal(amount), ts));
        }
        return charges;
    }

    /** The rule, scanned per account in order. */
    private static List<FraudAlert> reference(List<Transaction> charges, FraudRules rules, Map<String, Long> flags) {
        List<FraudAlert> alerts = new ArrayList<>();
        for (Transaction charge : charges) {
            Long small = flags.remove(charge.account());
            if (small != null
                    && charge.amount().compareTo(rules.large()) > 0
                    && charge.ts() - small <= rules.windowMs()) {
                alerts.add(new FraudAlert(charge.account(), small, charge.ts(), charge.amount()));
            }
            if (charge.amount().compareTo(rules.small()) < 0) {
                flags.put(charge.account(), charge.ts());
            }
        }
        return alerts;
    }

    private static void send(KafkaProducer<String, String> producer, List<Transaction> charges) {
        for (Transaction charge : charges) {
            producer.send(new ProducerRecord<>(
                    FraudDetectionJob.TRANSACTIONS,
                    charge.account(),
                    new String(Transaction.SERDE.serialize(charge), StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    private static List<FraudAlert> alerts(KafkaCluster kafka) {
        return TestRecords.readAllCommitted(kafka.bootstrapServers(), FraudDetectionJob.ALERTS, Duration.ofSeconds(30))
                .stream()
                .map(r -> FraudAlert.SERDE.deserialize(r.value().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    /** The alerts of the generated accounts, without those of the probe. */
    private static List<FraudAlert> accounts(List<FraudAlert> alerts) {
        return alerts.stream().filter(alert -> !alert.account().equals("probe")).toList();
    }

    private static List<FraudAlert> sorted(List<FraudAlert> alerts) {
        List<FraudAlert> sorted = new ArrayList<>(alerts);
        sorted.sort(Comparator.comparing(FraudAlert::account).thenComparingLong(FraudAlert::largeTs));
        return sorted;
    }

    @Test
    void alertsEqualTheReferenceAcrossAKillAndNewRulesApplyToLaterCharges(KafkaCluster kafka) {
        kafka.createTopic(FraudDetectionJob.TRANSACTIONS, 3);
        kafka.createTopic(FraudDetectionJob.RULES, 1);
        kafka.createTopic(FraudDetectionJob.ALERTS, 1);
        List<Transaction> first = generate(600, BASE, 7);
        Map<String, Long> flags = new HashMap<>();
        List<FraudAlert> expected = new ArrayList<>(reference(first, FraudRules.DEFAULT, flags));
        Map<String, String> settings =
                Map.of("RIVULET_APPLICATION_ID", "fraud-it", "RIVULET_GROUP_INSTANCE_ID", "fraud-it-0");
        try (ServiceProcess service = new ServiceProcess(kafka.bootstrapServers(), workDir, settings)
                        .start()
                        .awaitReady();
                KafkaProducer<String, String> producer = TestRecords.stringProducer(kafka.bootstrapServers())) {
            send(producer, first.subList(0, 300));
            Await.until(
                    Duration.ofSeconds(90),
                    "the first alerts",
                    () -> !alerts(kafka).isEmpty());
            service.kill();
            service.start().awaitReady();
            send(producer, first.subList(300, first.size()));
            Await.until(
                    Duration.ofSeconds(90),
                    expected.size() + " alerts",
                    () -> alerts(kafka).size() >= expected.size());
            assertThat(sorted(alerts(kafka))).isEqualTo(sorted(expected));

            // New thresholds: "3.00" is now small and "120.00" large. A probe shows they arrived.
            FraudRules rules = new FraudRules(new BigDecimal("5.00"), new BigDecimal("100.00"), 30_000);
            producer.send(new ProducerRecord<>(
                    FraudDetectionJob.RULES,
                    "rules",
                    new String(FraudRules.SERDE.serialize(rules), StandardCharsets.UTF_8)));
            long after = first.get(first.size() - 1).ts() + 1_000_000;
            List<Transaction> probe = List.of(
                    new Transaction("probe", new BigDecimal("3.00"), after),
                    new Transaction("probe", new BigDecimal("120.00"), after + 1));
            Await.until(Duration.ofSeconds(60), "the new rules in effect", () -> {
                send(producer, probe);
                return alerts(kafka).stream().anyMatch(alert -> alert.account().equals("probe"));
            });
            List<Transaction> second = generate(300, after + 10_000, 8);
            expected.addAll(reference(second, rules, new HashMap<>()));
            send(producer, second);
            Await.until(
                    Duration.ofSeconds(90),
                    "the alerts under the new rules",
                    () -> accounts(alerts(kafka)).size() >= expected.size());
            assertThat(sorted(accounts(alerts(kafka)))).isEqualTo(sorted(expected));
        }
    }
}
