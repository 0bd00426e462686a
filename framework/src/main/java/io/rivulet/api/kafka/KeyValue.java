package io.rivulet.api.kafka;

/** A Kafka record's key and value, as elements of a stream read or written with keys. */
public record KeyValue<K, V>(K key, V value) {

    public static <K, V> KeyValue<K, V> of(K key, V value) {
        return new KeyValue<>(key, value);
    }
}
