package io.rivulet.sink;

import java.util.Arrays;
import java.util.Locale;

/** How input offsets, state and output advance together. */
public enum ProcessingGuarantee {
    /**
     * Output, changelog and consumed offsets commit in one Kafka transaction (exactly-once v2): a
     * {@code read_committed} reader sees every result exactly once, whatever crashes or rebalances happen.
     */
    EXACTLY_ONCE("exactly_once"),
    /**
     * Output is flushed before offsets are committed: after a crash the records since the last commit
     * are processed again, so results may repeat but are never lost.
     */
    AT_LEAST_ONCE("at_least_once"),
    /**
     * Offsets are committed as soon as records are polled, before they are processed: after a crash the
     * records of the last poll may be lost but nothing is repeated.
     */
    AT_MOST_ONCE("at_most_once");

    private final String configValue;

    ProcessingGuarantee(String configValue) {
        this.configValue = configValue;
    }

    /** The value used in configuration, e.g. {@code exactly_once}. */
    public String configValue() {
        return configValue;
    }

    /** Parses a configuration value; the message of the exception lists the accepted ones. */
    public static ProcessingGuarantee parse(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(g -> g.configValue.equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not one of "
                        + Arrays.stream(values())
                                .map(ProcessingGuarantee::configValue)
                                .toList()));
    }
}
