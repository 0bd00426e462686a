package io.rivulet.samples.fraud;

import java.math.BigDecimal;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.Serdes;

/**
 * The thresholds, from {@code fraud-rules}: {@code {"small": 1.00, "large": 500.00, "windowMs": 60000}}. A charge
 * under {@code small} followed by one over {@code large} within {@code windowMs} of event time is suspicious.
 */
public record FraudRules(BigDecimal small, BigDecimal large, long windowMs) {

    public static final Serde<FraudRules> SERDE = Serdes.json(FraudRules.class);
    public static final FraudRules DEFAULT = new FraudRules(new BigDecimal("1.00"), new BigDecimal("500.00"), 60_000);
}
