package io.rivulet.internal.quarkus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.internal.runtime.RuntimeConfig;
import io.rivulet.sink.ProcessingGuarantee;

/**
 * Reads and validates the {@code rivulet.*} keys. Every invalid value fails start-up with a message that
 * names the key and what it accepts.
 */
final class RivuletConfigReader {

    static final String PREFIX = "rivulet.";
    static final String KAFKA_PREFIX = "rivulet.kafka.";
    static final String BOOTSTRAP = "rivulet.kafka.bootstrap-servers";

    private final Config config;

    RivuletConfigReader(Config config) {
        this.config = config;
    }

    Optional<String> bootstrapServers() {
        return config.getOptionalValue(BOOTSTRAP, String.class).filter(s -> !s.isBlank());
    }

    RuntimeConfig read(String bootstrapServers, boolean createMissingTopics) {
        String applicationId = required("rivulet.application-id");
        if (!applicationId.matches("[A-Za-z0-9._-]+")) {
            throw invalid("rivulet.application-id", applicationId, "letters, digits, '.', '_' and '-' (it names topics and the group)");
        }
        Map<String, Object> kafka = kafkaProperties();
        kafka.put("bootstrap.servers", bootstrapServers);
        int threads = parse("rivulet.num-threads", "1", Integer::parseInt, "a whole number");
        if (threads < 1) {
            throw invalid("rivulet.num-threads", String.valueOf(threads), "at least 1");
        }
        Duration commitInterval = positiveDuration("rivulet.commit-interval", "100ms");
        Duration watermarkInterval = positiveDuration("rivulet.auto-watermark-interval", "200ms");
        return new RuntimeConfig(
                applicationId,
                kafka,
                Path.of(config.getOptionalValue("rivulet.state-dir", String.class)
                        .orElse(System.getProperty("java.io.tmpdir") + "/rivulet")),
                parse("rivulet.processing-guarantee", "exactly_once", ProcessingGuarantee::parse,
                        "exactly_once, at_least_once or at_most_once"),
                commitInterval,
                threads,
                parse("rivulet.errors.deserialization", "fail", ErrorPolicy::parse, "fail, skip or dead-letter"),
                parse("rivulet.errors.processing", "fail", ErrorPolicy::parse, "fail, skip or dead-letter"),
                config.getOptionalValue("rivulet.group-instance-id", String.class).filter(s -> !s.isBlank()),
                createMissingTopics,
                watermarkInterval);
    }

    private Duration positiveDuration(String key, String defaultValue) {
        Duration duration = parse(key, defaultValue, DurationConverter::parseDuration, "a duration such as 100ms, 1s or PT0.1S");
        if (duration.isNegative() || duration.isZero()) {
            throw invalid(key, duration.toString(), "a positive duration");
        }
        return duration;
    }

    /** {@code rivulet.kafka.<key>} with dashes turned into dots, as the Kafka clients spell their settings. */
    private Map<String, Object> kafkaProperties() {
        Map<String, Object> kafka = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(KAFKA_PREFIX) && !name.equals(BOOTSTRAP)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> kafka.put(name.substring(KAFKA_PREFIX.length()).replace('-', '.'), value));
            }
        }
        return kafka;
    }

    private String required(String key) {
        return config.getOptionalValue(key, String.class).filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("configuration key " + key + " is not set"));
    }

    private <T> T parse(String key, String defaultValue, Function<String, T> parser, String accepted) {
        String value = config.getOptionalValue(key, String.class).orElse(defaultValue);
        try {
            return parser.apply(value.trim());
        } catch (RuntimeException e) {
            throw invalid(key, value, accepted);
        }
    }

    private static IllegalArgumentException invalid(String key, String value, String accepted) {
        return new IllegalArgumentException("configuration key " + key + " has the invalid value '" + value
                + "': expected " + accepted);
    }
}
