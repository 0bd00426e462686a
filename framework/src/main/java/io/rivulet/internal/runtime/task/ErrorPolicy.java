package io.rivulet.internal.runtime.task;

import java.util.Arrays;
import java.util.Locale;

/** What happens to a record that cannot be deserialized or whose processing throws. */
public enum ErrorPolicy {
    /** Stop the service with an error naming the topic, partition and offset. */
    FAIL("fail"),
    /** Log the record's position and the cause, and go on. */
    SKIP("skip"),
    /** Write the record to {@code <application-id>-dlq} with the cause and its position in headers, in the same transaction. */
    DEAD_LETTER("dead-letter");

    private final String configValue;

    ErrorPolicy(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static ErrorPolicy parse(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(p -> p.configValue.equals(normalized))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not one of "
                        + Arrays.stream(values()).map(ErrorPolicy::configValue).toList()));
    }
}
