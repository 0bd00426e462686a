package io.rivulet.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

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

    private static Map<String, String> with(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(REQUIRED);
        all.putAll(more);
        return all;
    }
}
