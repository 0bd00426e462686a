package io.rivulet.samples.fraud;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.rivulet.api.BroadcastStream;
import io.rivulet.api.JobBuilder;
import io.rivulet.api.RivuletJob;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;

/**
 * Transactions from {@code transactions}, rules from {@code fraud-rules} (broadcast to every task), alerts to
 * {@code fraud-alerts} keyed by account.
 */
@ApplicationScoped
public class FraudDetectionJob implements RivuletJob {

    public static final String TRANSACTIONS = "transactions";
    public static final String RULES = "fraud-rules";
    public static final String ALERTS = "fraud-alerts";

    @Override
    public void define(JobBuilder job) {
        BroadcastStream<FraudRules> rules = job.fromSource(KafkaSource.values(RULES, FraudRules.SERDE))
                .broadcast(FraudRules.SERDE, FraudDetector.RULES);
        job.fromSource(
                        KafkaSource.values(TRANSACTIONS, Transaction.SERDE),
                        WatermarkStrategy.<Transaction>forBoundedOutOfOrderness(Duration.ofSeconds(2))
                                .withTimestampAssigner((charge, recordTimestamp) -> charge.ts()))
                .keyBy(Transaction::account, Serdes.string(), Transaction.SERDE)
                .connect(rules)
                .process(new FraudDetector())
                .uid("fraud-detector")
                .sinkTo(KafkaSink.keyValues(ALERTS, Serdes.string(), FraudAlert.SERDE));
    }
}
