package io.rivulet.api.kafka;

import java.util.Objects;

import io.rivulet.api.serde.Serde;

/**
 * A Kafka topic read as a stream. The topic must exist when the service starts; its partitions are spread
 * over the instances of the service by the consumer group.
 */
public final class KafkaSource<T> {

    /** How a record's key and value bytes become an element. */
    @FunctionalInterface
    public interface RecordDecoder<T> {
        T decode(byte[] key, byte[] value);
    }

    private final String topic;
    private final RecordDecoder<T> decoder;

    private KafkaSource(String topic, RecordDecoder<T> decoder) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a source needs a topic");
        }
        this.topic = topic;
        this.decoder = decoder;
    }

    /** Elements are the record values; keys are ignored. */
    public static <V> KafkaSource<V> values(String topic, Serde<V> valueSerde) {
        Objects.requireNonNull(valueSerde, "value serde of source " + topic);
        return new KafkaSource<>(topic, (key, value) -> valueSerde.deserialize(value));
    }

    /** Elements are the records' keys and values. */
    public static <K, V> KafkaSource<KeyValue<K, V>> keyValues(String topic, Serde<K> keySerde, Serde<V> valueSerde) {
        Objects.requireNonNull(keySerde, "key serde of source " + topic);
        Objects.requireNonNull(valueSerde, "value serde of source " + topic);
        return new KafkaSource<>(
                topic, (key, value) -> KeyValue.of(keySerde.deserialize(key), valueSerde.deserialize(value)));
    }

    public String topic() {
        return topic;
    }

    /** Used by the runtime; a failure here goes to the deserialization-error handler. */
    public RecordDecoder<T> decoder() {
        return decoder;
    }
}
