package io.rivulet.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rivulet.internal.runtime.InternalTopicSettings;
import io.rivulet.internal.runtime.RuntimeConfig;
import io.rivulet.sink.ProcessingGuarantee;

/** The settings of a job started from plain Java: the given map and nothing else. */
class RivuletSettingsTest {

    private static final Map<String, String> REQUIRED = Map.of(
            "rivulet.application-id", "orders",
            "rivulet.kafka.bootstrap-servers", "broker:9092");

    @Test
    void valuesReachTheKafkaClientsAsGivenWithoutExpansion() {
        RuntimeConfig config = RivuletSettings.standalone(with(Map.of(
                "rivulet.kafka.sasl.jaas.config",
                        "org.example.Login required password=\"${file:/etc/kafka/secrets:password}\";",
                "rivulet.kafka.linger.ms", "20")));
        assertThat(config.kafka())
                .containsOnly(
                        Map.entry(
                                "sasl.jaas.config",
                                "org.example.Login required password=\"${file:/etc/kafka/secrets:password}\";"),
                        Map.entry("linger.ms", "20"),
                        Map.entry("bootstrap.servers", "broker:9092"));
        assertThat(config.createMissingTopics())
                .as("no embedded broker, no topics created for the job")
                .isFalse();
    }

    @Test
    void onlyTheMapCountsNotSystemProperties() {
        System.setProperty("rivulet.processing-guarantee", "at_most_once");
        try {
            assertThat(RivuletSettings.standalone(REQUIRED).guarantee()).isEqualTo(ProcessingGuarantee.EXACTLY_ONCE);
        } finally {
            System.clearProperty("rivulet.processing-guarantee");
        }
    }

    @Test
    void keysOutsideRivuletAreIgnoredButAnUnknownRivuletKeyIsRefused() {
        assertThat(RivuletSettings.standalone(with(Map.of("app.greeting", "hello")))
                        .commitInterval())
                .isEqualTo(Duration.ofMillis(100));
        assertThatThrownBy(() -> RivuletSettings.standalone(with(Map.of("rivulet.commit.interval", "1s"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid Rivulet configuration: ")
                .hasMessageContaining("rivulet.commit.interval");
    }

    @Test
    void theApplicationIdAndTheBootstrapServersAreRequired() {
        assertThatThrownBy(() -> RivuletSettings.standalone(Map.of("rivulet.kafka.bootstrap-servers", "broker:9092")))
                .hasMessage("configuration key rivulet.application-id is not set");
        assertThatThrownBy(() -> RivuletSettings.standalone(Map.of("rivulet.application-id", "orders")))
                .hasMessage("configuration key rivulet.kafka.bootstrap-servers is not set");
        assertThatThrownBy(() -> RivuletSettings.standalone(with(Map.of("rivulet.kafka.bootstrap-servers", " "))))
                .hasMessage("configuration key rivulet.kafka.bootstrap-servers is not set");
    }

    @Test
    void everyInvalidValueIsNamedAtOnce() {
        assertThatThrownBy(() -> RivuletSettings.standalone(
                        with(Map.of("rivulet.commit-interval", "soon", "rivulet.errors.processing", "ignore"))))
                .hasMessageContaining("rivulet.commit-interval")
                .hasMessageContaining("a positive duration such as 100ms")
                .hasMessageContaining("rivulet.errors.processing")
                .hasMessageContaining("fail, skip or dead-letter");
    }

    @Test
    void internalTopicsTakeTheirReplicationAndConfigsFromTheInternalTopicsKeys() {
        InternalTopicSettings defaults = RivuletSettings.standalone(REQUIRED).internalTopics();
        assertThat(defaults.replicationFactorFor(1)).isEqualTo((short) 1);
        assertThat(defaults.replicationFactorFor(5)).isEqualTo((short) 3);
        assertThat(defaults.configsFor((short) 1, Map.of())).isEmpty();
        assertThat(defaults.configsFor((short) 3, Map.of("cleanup.policy", "compact")))
                .containsOnly(Map.entry("min.insync.replicas", "2"), Map.entry("cleanup.policy", "compact"));

        InternalTopicSettings set = RivuletSettings.standalone(with(Map.of(
                        "rivulet.internal-topics.replication-factor", "-1",
                        "rivulet.internal-topics.config.min.insync.replicas", "1",
                        "rivulet.internal-topics.config.segment.bytes", "1048576")))
                .internalTopics();
        assertThat(set.replicationFactorFor(3)).as("the broker's default").isEqualTo((short) -1);
        assertThat(set.configsFor((short) 3, Map.of("retention.ms", "-1")))
                .containsOnly(
                        Map.entry("min.insync.replicas", "1"),
                        Map.entry("segment.bytes", "1048576"),
                        Map.entry("retention.ms", "-1"));

        assertThatThrownBy(() ->
                        RivuletSettings.standalone(with(Map.of("rivulet.internal-topics.replication-factor", "0"))))
                .hasMessageContaining("rivulet.internal-topics.replication-factor")
                .hasMessageContaining("at least 1, or -1");
        assertThatThrownBy(() -> RivuletSettings.standalone(
                        with(Map.of("rivulet.internal-topics.config.cleanup.policy", "delete"))))
                .hasMessageContaining("rivulet.internal-topics.config.cleanup.policy is not a setting");
    }

    private static Map<String, String> with(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(REQUIRED);
        all.putAll(more);
        return all;
    }
}
