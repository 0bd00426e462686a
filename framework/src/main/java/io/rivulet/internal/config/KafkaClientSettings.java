package io.rivulet.internal.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The {@code rivulet.kafka.*} keys as the Kafka clients get them. A client setting that Rivulet decides itself
 * is refused instead of being overridden without a word: the message names the key and what governs it.
 */
final class KafkaClientSettings {

    static final String PREFIX = "rivulet.kafka.";
    static final String BOOTSTRAP_SERVERS = "bootstrap-servers";

    private static final String SERDES = "the job's serdes decide (KafkaSource and KafkaSink); the clients move bytes";
    private static final Map<String, String> OWNED = Map.ofEntries(
            Map.entry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "set rivulet.kafka.bootstrap-servers"),
            Map.entry(ConsumerConfig.GROUP_ID_CONFIG, "the consumer group is rivulet.application-id"),
            Map.entry(
                    ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                    "static membership is rivulet.group-instance-id (threads after the first add -2, -3, ...)"),
            Map.entry(
                    ConsumerConfig.CLIENT_ID_CONFIG,
                    "Rivulet names every client after rivulet.application-id, its process id and its stream thread"),
            Map.entry(
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    "transactional ids derive from rivulet.application-id under rivulet.processing-guarantee=exactly_once"),
            Map.entry(
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    "Rivulet's producers are always idempotent; the guarantee is rivulet.processing-guarantee"),
            Map.entry(
                    ProducerConfig.ACKS_CONFIG,
                    "Rivulet always writes with acks=all; the guarantee is rivulet.processing-guarantee"),
            Map.entry(
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    "Rivulet commits offsets itself, every rivulet.commit-interval, as rivulet.processing-guarantee says"),
            Map.entry(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, "offsets commit every rivulet.commit-interval"),
            Map.entry(
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                    "Rivulet always reads read_committed, which exactly-once needs; the guarantee is rivulet.processing-guarantee"),
            Map.entry(
                    ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    "Rivulet assigns partitions as tasks, with cooperative rebalancing; scale with rivulet.num-threads and instances"),
            Map.entry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, SERDES),
            Map.entry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, SERDES),
            Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, SERDES),
            Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, SERDES));
    private static final Set<String> CLIENT_SETTINGS = clientSettingNames();

    private KafkaClientSettings() {}

    /**
     * The client settings of {@code rivulet.kafka.<setting>} keys, as set, without the bootstrap servers.
     *
     * @throws IllegalArgumentException naming every key that Rivulet owns or that is misspelled with dashes
     */
    static Map<String, Object> of(Map<String, String> settings) {
        Map<String, Object> clients = new HashMap<>();
        List<String> refused = new ArrayList<>();
        new TreeMap<>(settings).forEach((name, value) -> {
            String dotted = name.replace('-', '.');
            String owner = OWNED.get(dotted);
            if (name.equals(BOOTSTRAP_SERVERS)) {
                return;
            } else if (owner != null) {
                refused.add("configuration key " + PREFIX + name + " (" + environmentName(name) + ") cannot be set: "
                        + owner);
            } else if (!dotted.equals(name) && CLIENT_SETTINGS.contains(dotted)) {
                refused.add("configuration key " + PREFIX + name + " is not a Kafka client setting: write " + PREFIX
                        + dotted + ", as the clients spell it");
            } else {
                clients.put(name, value);
            }
        });
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", refused));
        }
        return clients;
    }

    private static String environmentName(String setting) {
        return (PREFIX + setting).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Set<String> clientSettingNames() {
        Set<String> names = new HashSet<>(ConsumerConfig.configNames());
        names.addAll(ProducerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return Set.copyOf(names);
    }
}
