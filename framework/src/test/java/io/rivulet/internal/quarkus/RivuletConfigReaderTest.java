package io.rivulet.internal.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import io.rivulet.internal.config.RivuletConfig;
import io.rivulet.internal.runtime.RuntimeConfig;
import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.sink.ProcessingGuarantee;

/** The {@code rivulet.*} keys as a Quarkus service reads them: from its properties and, above those, its environment. */
class RivuletConfigReaderTest {

    @Test
    void readsEveryKeyAndPassesKafkaSettingsThroughAsSet() {
        RuntimeConfig config = read(Map.ofEntries(
                Map.entry("rivulet.application-id", "orders"),
                Map.entry("rivulet.processing-guarantee", "at_least_once"),
                Map.entry("rivulet.commit-interval", "250ms"),
                Map.entry("rivulet.auto-watermark-interval", "PT0.05S"),
                Map.entry("rivulet.num-threads", "3"),
                Map.entry("rivulet.errors.deserialization", "dead-letter"),
                Map.entry("rivulet.errors.processing", "skip"),
                Map.entry("rivulet.state-dir", "/var/lib/rivulet"),
                Map.entry("rivulet.group-instance-id", "orders-0"),
                Map.entry("rivulet.kafka.security.protocol", "SASL_SSL"),
                Map.entry(
                        "rivulet.kafka.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required;")));

        assertThat(config.applicationId()).isEqualTo("orders");
        assertThat(config.guarantee()).isEqualTo(ProcessingGuarantee.AT_LEAST_ONCE);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.autoWatermarkInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.numThreads()).isEqualTo(3);
        assertThat(config.deserializationErrors()).isEqualTo(ErrorPolicy.DEAD_LETTER);
        assertThat(config.processingErrors()).isEqualTo(ErrorPolicy.SKIP);
        assertThat(config.stateDir()).hasToString("/var/lib/rivulet");
        assertThat(config.groupInstanceId()).contains("orders-0");
        assertThat(config.kafka())
                .containsOnly(
                        Map.entry("security.protocol", "SASL_SSL"),
                        Map.entry(
                                "sasl.jaas.config",
                                "org.apache.kafka.common.security.plain.PlainLoginModule required;"),
                        Map.entry("bootstrap.servers", "broker:9092"));
    }

    @Test
    void environmentVariablesReachTheKafkaClientsAndWinOverProperties() {
        RuntimeConfig config = read(
                Map.of("rivulet.application-id", "orders", "rivulet.kafka.security.protocol", "PLAINTEXT"),
                Map.of(
                        "RIVULET_KAFKA_SECURITY_PROTOCOL",
                        "SASL_SSL",
                        "RIVULET_KAFKA_SSL_TRUSTSTORE_LOCATION",
                        "/etc/kafka/truststore.p12",
                        "RIVULET_KAFKA_BOOTSTRAP_SERVERS",
                        "ignored:9092",
                        "RIVULET_COMMIT_INTERVAL",
                        "1s",
                        "RIVULET_ERRORS_PROCESSING",
                        "skip"));

        assertThat(config.kafka())
                .containsOnly(
                        Map.entry("security.protocol", "SASL_SSL"),
                        Map.entry("ssl.truststore.location", "/etc/kafka/truststore.p12"),
                        Map.entry("bootstrap.servers", "broker:9092"));
        assertThat(config.commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.processingErrors()).isEqualTo(ErrorPolicy.SKIP);
    }

    @Test
    void bootstrapServersComeFromTheirOwnKeyOrTheEnvironment() {
        assertThat(reader(Map.of("rivulet.kafka.bootstrap-servers", "a:9092"), Map.of())
                        .bootstrapServers())
                .contains("a:9092");
        assertThat(reader(Map.of(), Map.of("RIVULET_KAFKA_BOOTSTRAP_SERVERS", "b:9092"))
                        .bootstrapServers())
                .contains("b:9092");
        assertThat(reader(Map.of(), Map.of()).bootstrapServers()).isEmpty();
    }

    @Test
    void defaultsFollowTheDesign() {
        RuntimeConfig config = read(Map.of("rivulet.application-id", "orders"));
        assertThat(config.guarantee()).isEqualTo(ProcessingGuarantee.EXACTLY_ONCE);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.autoWatermarkInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(config.numThreads()).isEqualTo(1);
        assertThat(config.deserializationErrors()).isEqualTo(ErrorPolicy.FAIL);
        assertThat(config.processingErrors()).isEqualTo(ErrorPolicy.FAIL);
        assertThat(config.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "rivulet"));
        assertThat(config.groupInstanceId()).isEmpty();
        assertThat(config.kafka()).containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void aServiceWithoutAJobNeedsNoApplicationIdButAJobDoes() {
        RivuletConfigReader reader = reader(Map.of(), Map.of());
        assertThatThrownBy(() -> reader.read("broker:9092", false))
                .hasMessage("configuration key rivulet.application-id is not set");
    }

    @Test
    void invalidValuesFailNamingTheKeyTheValueAndWhatItAccepts() {
        assertInvalid("rivulet.processing-guarantee", "twice", "exactly_once, at_least_once or at_most_once");
        assertInvalid("rivulet.commit-interval", "soon", "a positive duration such as 100ms, 1s or PT0.1S");
        assertInvalid("rivulet.auto-watermark-interval", "0s", "a positive duration");
        assertInvalid("rivulet.commit-interval", "-1s", "a positive duration");
        assertInvalid("rivulet.num-threads", "0", "a whole number, at least 1");
        assertInvalid("rivulet.num-threads", "two", "a whole number, at least 1");
        assertInvalid("rivulet.errors.processing", "ignore", "fail, skip or dead-letter");
        assertInvalid("rivulet.errors.deserialization", "drop", "fail, skip or dead-letter");
        assertInvalid("rivulet.application-id", "has space", "letters, digits, '.', '_' and '-'");
    }

    @Test
    void kafkaSettingsThatRivuletOwnsFailNamingTheKeyAndWhatGovernsIt() {
        assertThatThrownBy(() -> read(Map.of("rivulet.application-id", "a", "rivulet.kafka.group.id", "other")))
                .hasMessageContaining("rivulet.kafka.group.id (RIVULET_KAFKA_GROUP_ID) cannot be set")
                .hasMessageContaining("rivulet.application-id");
        assertThatThrownBy(() -> read(
                        Map.of("rivulet.application-id", "a"),
                        Map.of("RIVULET_KAFKA_ISOLATION_LEVEL", "read_uncommitted")))
                .hasMessageContaining("rivulet.kafka.isolation.level (RIVULET_KAFKA_ISOLATION_LEVEL) cannot be set")
                .hasMessageContaining("read_committed");
        assertThatThrownBy(() -> read(Map.of(
                        "rivulet.application-id",
                        "a",
                        "rivulet.kafka.transactional.id",
                        "t",
                        "rivulet.kafka.enable.auto.commit",
                        "true")))
                .hasMessageContaining("rivulet.kafka.transactional.id")
                .hasMessageContaining("rivulet.processing-guarantee")
                .hasMessageContaining("rivulet.kafka.enable.auto.commit")
                .hasMessageContaining("rivulet.commit-interval");
        assertThatThrownBy(() -> read(Map.of("rivulet.application-id", "a", "rivulet.kafka.group.instance.id", "g")))
                .hasMessageContaining("rivulet.group-instance-id");
        assertThatThrownBy(() -> read(Map.of("rivulet.application-id", "a", "rivulet.kafka.value.serializer", "x")))
                .hasMessageContaining("rivulet.kafka.value.serializer")
                .hasMessageContaining("serdes");
        assertThatThrownBy(
                        () -> read(Map.of("rivulet.application-id", "a", "rivulet.kafka.bootstrap.servers", "x:9092")))
                .hasMessageContaining("rivulet.kafka.bootstrap.servers")
                .hasMessageContaining("rivulet.kafka.bootstrap-servers");
    }

    @Test
    void aKafkaSettingSpelledWithDashesFailsNamingTheClientsSpelling() {
        assertThatThrownBy(() -> read(Map.of("rivulet.application-id", "a", "rivulet.kafka.sasl-mechanism", "PLAIN")))
                .hasMessageContaining("rivulet.kafka.sasl-mechanism is not a Kafka client setting")
                .hasMessageContaining("rivulet.kafka.sasl.mechanism");
        assertThatThrownBy(() -> read(Map.of("rivulet.application-id", "a", "rivulet.kafka.client-id", "c")))
                .hasMessageContaining("rivulet.kafka.client-id")
                .hasMessageContaining("cannot be set");
    }

    @Test
    void anUnknownRivuletKeyFailsButTheTestkitsSystemPropertiesAreKnown() {
        assertThatThrownBy(() -> read(Map.of("rivulet.application-id", "a", "rivulet.comit-interval", "1s")))
                .hasMessageContaining("rivulet.comit-interval");
        assertThat(read(Map.of(
                                "rivulet.application-id",
                                "a",
                                "rivulet.test.broker",
                                "process",
                                "rivulet.testkit.broker-jvm-options",
                                "-Xmx1g"))
                        .applicationId())
                .isEqualTo("a");
    }

    private static void assertInvalid(String key, String value, String accepted) {
        Map<String, String> properties = new HashMap<>(Map.of("rivulet.application-id", "a"));
        properties.put(key, value);
        assertThatThrownBy(() -> read(properties))
                .as("%s=%s", key, value)
                .hasMessageContaining(key)
                .hasMessageContaining("\"" + value + "\"")
                .hasMessageContaining(accepted);
    }

    private static RuntimeConfig read(Map<String, String> properties) {
        return read(properties, Map.of());
    }

    private static RuntimeConfig read(Map<String, String> properties, Map<String, String> environment) {
        return reader(properties, environment).read("broker:9092", false);
    }

    /** The sources and ordinals of a Quarkus service: application.properties (250) below the environment (300). */
    private static RivuletConfigReader reader(Map<String, String> properties, Map<String, String> environment) {
        var config = new SmallRyeConfigBuilder()
                .withMapping(RivuletConfig.class)
                .withSources(new PropertiesConfigSource(new HashMap<>(properties), "application.properties", 250))
                .withSources(new EnvConfigSource(new HashMap<>(environment), 300) {})
                .build();
        return new RivuletConfigReader(config.getConfigMapping(RivuletConfig.class));
    }
}
