package io.rivulet.api.kafka;

import java.util.Objects;

import io.rivulet.api.serde.Serde;

/**
 * A Kafka topic written by a stream. The topic must exist when the service starts. Under exactly-once,
 * records become visible to {@code read_committed} readers when the transaction that holds them commits.
 * Each record carries the timestamp of the element that produced it.
 */
public final class KafkaSink<T> {

    /** How an element becomes a record's key and value bytes; a {@code null} key leaves partitioning to Kafka. */
    public interface RecordEncoder<T> {
        byte[] key(T element);

        byte[] value(T element);
    }

    private final String topic;
    private final RecordEncoder<T> encoder;

    private KafkaSink(String topic, RecordEncoder<T> encoder) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a sink needs a topic");
        }
        this.topic = topic;
        this.encoder = encoder;
    }

    /** Writes each element as a record value without a key. */
    public static <V> KafkaSink<V> values(String topic, Serde<V> valueSerde) {
        Objects.requireNonNull(valueSerde, "value serde of sink " + topic);
        return new KafkaSink<>(topic, new RecordEncoder<>() {
            @Override
            public byte[] key(V element) {
                return null;
            }

            @Override
            public byte[] value(V element) {
                return valueSerde.serialize(element);
            }
        });
    }

    /** Writes each element as a keyed record; Kafka's default partitioner places it by its key bytes. */
    public static <K, V> KafkaSink<KeyValue<K, V>> keyValues(String topic, Serde<K> keySerde, Serde<V> valueSerde) {
        Objects.requireNonNull(keySerde, "key serde of sink " + topic);
        Objects.requireNonNull(valueSerde, "value serde of sink " + topic);
        return new KafkaSink<>(topic, new RecordEncoder<>() {
            @Override
            public byte[] key(KeyValue<K, V> element) {
                return keySerde.serialize(element.key());
            }

            @Override
            public byte[] value(KeyValue<K, V> element) {
                return valueSerde.serialize(element.value());
            }
        });
    }

    public String topic() {
        return topic;
    }

    /** Used by the runtime. */
    public RecordEncoder<T> encoder() {
        return encoder;
    }
}
