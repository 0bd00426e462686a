package io.rivulet.sink.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The producer settings every output shares; the caller's settings win except where correctness needs ours. */
final class ProducerConfigs {

    private ProducerConfigs() {}

    static Map<String, Object> with(Map<String, Object> userConfigs, String clientId) {
        Map<String, Object> configs = new HashMap<>();
        // Batching matters on small machines: sequential commits every 100 ms leave room for larger batches.
        configs.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        configs.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        configs.putAll(userConfigs);
        configs.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        configs.put(ProducerConfig.ACKS_CONFIG, "all");
        configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return configs;
    }
}
