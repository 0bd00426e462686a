package io.rivulet.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What one contender run needs to know; the same for every contender. Stateful contenders use static group
 * membership with a stable instance id, so that a restarted instance takes its place at once and recovery
 * measures restoring state, not waiting out a dead member's session.
 *
 * @param instance which instance of the application this is, from 1 (failover runs start two)
 * @param standbyReplicas the standby replicas of every stateful task the application keeps
 */
record ContenderSettings(
        String bootstrapServers,
        String applicationId,
        String input,
        String output,
        Path stateDir,
        int instance,
        int standbyReplicas) {

    /** The one instance of an application without standby replicas. */
    ContenderSettings(String bootstrapServers, String applicationId, String input, String output, Path stateDir) {
        this(bootstrapServers, applicationId, input, output, stateDir, 1, 0);
    }

    String groupInstanceId() {
        return applicationId + "-instance-" + instance;
    }

    static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    /** Producer batching every contender gets (Rivulet's defaults; given to the others explicitly). */
    static final Map<String, Object> PRODUCER_TUNING =
            Map.of(ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);

    /** Client settings for all: a short session so that a killed member leaves the group quickly. */
    Map<String, Object> clientConfigs() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                6_000);
    }
}
