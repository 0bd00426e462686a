package io.rivulet.internal.runtime;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.common.config.TopicConfig;

/**
 * How the framework creates its internal topics (repartition, changelog, dead-letter and control topics):
 * {@code rivulet.internal-topics.*}.
 *
 * <p>By default every internal topic gets as many replicas as the cluster has brokers, at most three, and with
 * three replicas {@code min.insync.replicas=2}: a single broker needs no setting, and on a cluster of three or
 * more the state and the shuffled records survive the loss of a broker while a second loss stops writes rather
 * than losing acknowledged data — Kafka's own advice for durable topics. Kafka Streams leaves both to the
 * broker's defaults ({@code default.replication.factor}, usually 1), which loses state when that one broker's
 * disk goes.
 *
 * @param replicationFactor {@code rivulet.internal-topics.replication-factor}: a count, or {@code -1} for the
 *        broker's {@code default.replication.factor}; empty for the default above
 * @param configs {@code rivulet.internal-topics.config.<topic config>}: topic configs for every internal topic,
 *        such as {@code min.insync.replicas} or {@code segment.bytes}; {@code cleanup.policy} is the framework's
 *        per kind of topic (changelogs are compacted) and refused here
 */
public record InternalTopicSettings(Optional<Short> replicationFactor, Map<String, String> configs) {

    public static final InternalTopicSettings DEFAULTS = new InternalTopicSettings(Optional.empty(), Map.of());
    public static final String REPLICATION_FACTOR_KEY = "rivulet.internal-topics.replication-factor";
    public static final String CONFIG_PREFIX = "rivulet.internal-topics.config.";

    private static final short MAX_DEFAULT_REPLICATION = 3;
    private static final short BROKER_DEFAULT = -1;

    public InternalTopicSettings {
        replicationFactor.ifPresent(factor -> {
            if (factor != BROKER_DEFAULT && factor < 1) {
                throw new IllegalArgumentException(REPLICATION_FACTOR_KEY + " is " + factor
                        + ": it must be at least 1, or -1 for the broker's default.replication.factor");
            }
        });
        if (configs.containsKey(TopicConfig.CLEANUP_POLICY_CONFIG)) {
            throw new IllegalArgumentException(CONFIG_PREFIX + TopicConfig.CLEANUP_POLICY_CONFIG
                    + " is not a setting: each kind of internal topic needs its own (changelogs are compacted)");
        }
        configs = Map.copyOf(configs);
    }

    /** The replication factor for a cluster of {@code brokers} live brokers; {@code -1} is the broker's default. */
    public short replicationFactorFor(int brokers) {
        return replicationFactor.orElse((short) Math.max(1, Math.min(MAX_DEFAULT_REPLICATION, brokers)));
    }

    /**
     * The configs of one internal topic: the defaults for its replication, overridden by the configured ones,
     * overridden by what its kind needs ({@code kindConfigs}).
     */
    public Map<String, String> configsFor(short replication, Map<String, String> kindConfigs) {
        Map<String, String> all = new TreeMap<>();
        if (replication >= MAX_DEFAULT_REPLICATION) {
            all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        }
        all.putAll(configs);
        all.putAll(kindConfigs);
        return all;
    }
}
