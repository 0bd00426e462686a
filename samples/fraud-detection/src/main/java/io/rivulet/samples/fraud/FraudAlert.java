package io.rivulet.samples.fraud;

import java.math.BigDecimal;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.Serdes;

/** An alert on {@code fraud-alerts}: the account, the times of the small and the large charge, the large amount. */
public record FraudAlert(String account, long smallTs, long largeTs, BigDecimal amount) {

    public static final Serde<FraudAlert> SERDE = Serdes.json(FraudAlert.class);
}
