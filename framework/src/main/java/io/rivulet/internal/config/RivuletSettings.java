package io.rivulet.internal.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.apache.kafka.clients.CommonClientConfigs;

import io.rivulet.internal.runtime.InternalTopicSettings;
import io.rivulet.internal.runtime.RuntimeConfig;
import io.rivulet.internal.runtime.assignment.AssignmentSettings;
import io.rivulet.internal.runtime.savepoint.SavepointSettings;

/** Turns the {@code rivulet.*} configuration into the settings of a running job, checking what needs more than one key. */
public final class RivuletSettings {

    public static final String APPLICATION_ID = "rivulet.application-id";
    public static final String BOOTSTRAP_SERVERS = KafkaClientSettings.PREFIX + KafkaClientSettings.BOOTSTRAP_SERVERS;

    private RivuletSettings() {}

    /**
     * The settings of a job started from plain Java: exactly the given keys, with no environment variables, no
     * system properties and no {@code ${...}} expansion, so that values reach the Kafka clients as given (Kafka's
     * own {@code ${provider:path:key}} references included). An unknown {@code rivulet.*} key is refused, as it
     * is most likely a misspelled one; the bootstrap servers are required (there is no embedded broker).
     *
     * @throws IllegalArgumentException naming every invalid key and what it accepts
     */
    public static RuntimeConfig standalone(Map<String, String> properties) {
        RivuletConfig config = fromMap(properties);
        String bootstrapServers = config.kafka()
                .bootstrapServers()
                .filter(servers -> !servers.isBlank())
                .orElseThrow(() -> notSet(BOOTSTRAP_SERVERS));
        return runtimeConfig(config, bootstrapServers, false);
    }

    static RivuletConfig fromMap(Map<String, String> properties) {
        Map<String, String> copy = new HashMap<>();
        properties.forEach((key, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("configuration key " + key + " has no value");
            }
            copy.put(key, value);
        });
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withMapping(RivuletConfig.class)
                    .withSources(new PropertiesConfigSource(copy, "the map given to Rivulet.start", 100))
                    .build();
            return config.getConfigMapping(RivuletConfig.class);
        } catch (ConfigValidationException e) {
            throw new IllegalArgumentException(
                    IntStream.range(0, e.getProblemCount())
                            // A conversion problem reads "java.lang.IllegalArgumentException: SRCFG00039: The config
                            // property ...".
                            .mapToObj(i -> e.getProblem(i).getMessage().replaceFirst("^[\\w.$]+Exception: ", ""))
                            .collect(Collectors.joining("; ", "invalid Rivulet configuration: ", "")),
                    e);
        }
    }

    /**
     * The settings of a running job.
     *
     * @param bootstrapServers the cluster to use: the configured one, or the embedded broker's
     * @param createMissingTopics whether missing input and output topics are created (on the embedded broker)
     * @throws IllegalArgumentException if the application id is not set, or naming every {@code rivulet.kafka.*}
     *         key that Rivulet owns
     */
    public static RuntimeConfig runtimeConfig(
            RivuletConfig config, String bootstrapServers, boolean createMissingTopics) {
        String applicationId = config.applicationId().orElseThrow(() -> notSet(APPLICATION_ID));
        Map<String, Object> kafka = KafkaClientSettings.of(config.kafka().clientSettings());
        kafka.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new RuntimeConfig(
                applicationId,
                kafka,
                config.stateDir().orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "rivulet")),
                config.processingGuarantee(),
                config.commitInterval(),
                config.numThreads(),
                config.errors().deserialization(),
                config.errors().processing(),
                config.groupInstanceId().filter(id -> !id.isBlank()),
                createMissingTopics,
                config.autoWatermarkInterval(),
                new SavepointSettings(
                        config.savepoint().restoreFrom(),
                        config.savepoint().allowNonRestoredState(),
                        config.savepoint().timeout()),
                config.advertisedUrl().map(url -> url.replaceAll("/+$", "")),
                new AssignmentSettings(
                        config.numStandbyReplicas(),
                        config.acceptableRecoveryLag(),
                        config.maxWarmupReplicas(),
                        config.probingRebalanceInterval()),
                new InternalTopicSettings(
                        config.internalTopics().replicationFactor(),
                        config.internalTopics().config()));
    }

    private static IllegalArgumentException notSet(String key) {
        return new IllegalArgumentException("configuration key " + key + " is not set");
    }
}
