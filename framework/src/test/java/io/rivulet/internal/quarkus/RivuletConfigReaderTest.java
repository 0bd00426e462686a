package io.rivulet.internal.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.internal.runtime.RuntimeConfig;
import io.rivulet.sink.ProcessingGuarantee;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class RivuletConfigReaderTest {

    @Test
    void readsEveryKeyAndPassesKafkaSettingsThrough() {
        RuntimeConfig config = read(Map.of(
                "rivulet.application-id", "orders",
                "rivulet.processing-guarantee", "at_least_once",
                "rivulet.commit-interval", "250ms",
                "rivulet.auto-watermark-interval", "PT0.05S",
                "rivulet.num-threads", "3",
                "rivulet.errors.deserialization", "dead-letter",
                "rivulet.errors.processing", "skip",
                "rivulet.state-dir", "/var/lib/rivulet",
                "rivulet.kafka.security.protocol", "SASL_SSL",
                "rivulet.kafka.sasl-mechanism", "PLAIN"));

        assertThat(config.applicationId()).isEqualTo("orders");
        assertThat(config.guarantee()).isEqualTo(ProcessingGuarantee.AT_LEAST_ONCE);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.autoWatermarkInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.numThreads()).isEqualTo(3);
        assertThat(config.deserializationErrors()).isEqualTo(ErrorPolicy.DEAD_LETTER);
        assertThat(config.processingErrors()).isEqualTo(ErrorPolicy.SKIP);
        assertThat(config.stateDir()).hasToString("/var/lib/rivulet");
        assertThat(config.kafka()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("bootstrap.servers", "broker:9092");
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
    }

    @Test
    void invalidValuesFailNamingTheKey() {
        assertThatThrownBy(() -> read(Map.of())).hasMessageContaining("rivulet.application-id");
        assertThatThrownBy(() -> read(Map.of("rivulet.application-id", "a", "rivulet.processing-guarantee", "twice")))
                .hasMessageContaining("rivulet.processing-guarantee").hasMessageContaining("'twice'");
        assertThatThrownBy(() -> read(Map.of("rivulet.application-id", "a", "rivulet.commit-interval", "soon")))
                .hasMessageContaining("rivulet.commit-interval");
        assertThatThrownBy(() -> read(Map.of("rivulet.application-id", "a", "rivulet.auto-watermark-interval", "0s")))
                .hasMessageContaining("rivulet.auto-watermark-interval");
        assertThatThrownBy(() -> read(Map.of("rivulet.application-id", "a", "rivulet.num-threads", "0")))
                .hasMessageContaining("rivulet.num-threads");
        assertThatThrownBy(() -> read(Map.of("rivulet.application-id", "a", "rivulet.errors.processing", "ignore")))
                .hasMessageContaining("rivulet.errors.processing").hasMessageContaining("dead-letter");
        assertThatThrownBy(() -> read(Map.of("rivulet.application-id", "has space")))
                .hasMessageContaining("rivulet.application-id");
    }

    private static RuntimeConfig read(Map<String, String> properties) {
        var config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(new HashMap<>(properties), "test", 500))
                .build();
        return new RivuletConfigReader(config).read("broker:9092", false);
    }
}
