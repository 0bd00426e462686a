package io.rivulet.samples.fraud;

import java.math.BigDecimal;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.Serdes;

/** A charge on {@code transactions}: {@code {"account": "...", "amount": 12.50, "ts": <epoch ms>}}; event time = {@code ts}. */
public record Transaction(String account, BigDecimal amount, long ts) {

    public static final Serde<Transaction> SERDE = Serdes.json(Transaction.class);
}
