package io.rivulet.testkit;

import java.util.Locale;

/** Where the broker nodes of a {@link KafkaCluster} run. */
public enum BrokerMode {
    /** Inside the calling JVM: fastest to start, the default for tests. */
    IN_JVM,
    /** Each node as a separate OS process started from the same classpath: for crash tests and benchmarks. */
    PROCESS,
    /** In a Testcontainers-managed container: only when a Docker engine is reachable. */
    TESTCONTAINERS;

    /** The system property that picks the mode for tests that do not name one. */
    public static final String PROPERTY = "rivulet.test.broker";

    /** The mode named by {@value #PROPERTY} ({@code in-jvm}, {@code process}, {@code testcontainers}), default {@link #IN_JVM}. */
    public static BrokerMode fromSystemProperty() {
        return parse(System.getProperty(PROPERTY, "in-jvm"));
    }

    /** Parses {@code in-jvm}, {@code process} or {@code testcontainers} (case and {@code -}/{@code _} insensitive). */
    public static BrokerMode parse(String value) {
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (BrokerMode mode : values()) {
            if (mode.name().equals(normalized)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(PROPERTY + "=" + value + " is not one of in-jvm, process, testcontainers");
    }
}
