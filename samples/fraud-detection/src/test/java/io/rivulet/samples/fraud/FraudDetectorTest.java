package io.rivulet.samples.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.Serdes;
import io.rivulet.testing.KeyedTwoInputOperatorHarness;

/** The detector with the two-input harness: charges, broadcast rules and watermarks by hand. */
class FraudDetectorTest {

    private static Transaction charge(String account, String amount, long ts) {
        return new Transaction(account, new BigDecimal(amount), ts);
    }

    private static KeyedTwoInputOperatorHarness<String, Transaction, FraudRules, KeyValue<String, FraudAlert>> harness()
            throws Exception {
        return KeyedTwoInputOperatorHarness.ofBroadcast(
                Transaction::account,
                Serdes.string(),
                Transaction.SERDE,
                FraudRules.SERDE,
                (transactions, rules) -> transactions
                        .connect(rules.broadcast(FraudRules.SERDE, FraudDetector.RULES))
                        .process(new FraudDetector()));
    }

    private static void process(
            KeyedTwoInputOperatorHarness<String, Transaction, FraudRules, ?> harness, Transaction charge)
            throws Exception {
        harness.processElement1(charge, charge.ts());
    }

    @Test
    void aSmallChargeFollowedByALargeOneWithinAMinuteRaisesAnAlert() throws Exception {
        try (var harness = harness()) {
            process(harness, charge("a", "0.50", 1_000));
            process(harness, charge("a", "600.00", 30_000));
            process(harness, charge("b", "0.50", 1_000));
            process(harness, charge("b", "10.00", 2_000));
            process(harness, charge("b", "600.00", 3_000));
            process(harness, charge("c", "0.50", 1_000));
            process(harness, charge("c", "600.00", 61_001));
            assertThat(harness.output())
                    .extracting(KeyValue::value)
                    .containsExactly(new FraudAlert("a", 1_000, 30_000, new BigDecimal("600.00")));
        }
    }

    @Test
    void theTimerClearsTheFlagOnceTheWatermarkPassesTheWindow() throws Exception {
        try (var harness = harness()) {
            process(harness, charge("a", "0.50", 1_000));
            harness.processWatermark(61_000);
            // The state is gone, not just ignored: a large charge at the window's edge finds no flag.
            process(harness, charge("a", "600.00", 61_000));
            assertThat(harness.output()).isEmpty();
        }
    }

    @Test
    void broadcastRulesReplaceTheThresholdsForWhatComesAfter() throws Exception {
        try (var harness = harness()) {
            harness.processBroadcastElement(new FraudRules(new BigDecimal("5"), new BigDecimal("100"), 10_000), 0);
            process(harness, charge("a", "4.00", 1_000));
            process(harness, charge("a", "150.00", 2_000));
            process(harness, charge("a", "4.00", 3_000));
            process(harness, charge("a", "150.00", 14_000));
            assertThat(harness.output())
                    .extracting(KeyValue::value)
                    .containsExactly(new FraudAlert("a", 1_000, 2_000, new BigDecimal("150.00")));
        }
    }
}
