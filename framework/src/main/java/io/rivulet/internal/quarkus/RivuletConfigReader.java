package io.rivulet.internal.quarkus;

import java.util.Optional;

import io.rivulet.internal.config.RivuletConfig;
import io.rivulet.internal.config.RivuletSettings;
import io.rivulet.internal.runtime.RuntimeConfig;

/**
 * Reads the service's {@code rivulet.*} keys from its Quarkus configuration (properties, environment variables,
 * system properties, profiles), through the {@link RivuletConfig} mapping that Quarkus has already converted and
 * checked value by value.
 */
final class RivuletConfigReader {

    static final String BOOTSTRAP = RivuletSettings.BOOTSTRAP_SERVERS;

    private final RivuletConfig config;

    RivuletConfigReader(RivuletConfig config) {
        this.config = config;
    }

    Optional<String> bootstrapServers() {
        return config.kafka().bootstrapServers().filter(s -> !s.isBlank());
    }

    RuntimeConfig read(String bootstrapServers, boolean createMissingTopics) {
        return RivuletSettings.runtimeConfig(config, bootstrapServers, createMissingTopics);
    }
}
