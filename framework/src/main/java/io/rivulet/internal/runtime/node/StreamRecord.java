package io.rivulet.internal.runtime.node;

/**
 * An element on its way through a task's operators, with its event timestamp and, once a keyBy has keyed
 * the stream, its key: what Flink's {@code StreamRecord} and Kafka Streams' {@code Record} carry. Operators
 * pass it on with {@link #withValue} so that the timestamp and key travel with the element; nothing about the
 * element is read from a shared mutable context.
 *
 * @param key the key on a keyed stream, or null
 * @param keyBytes the serialized key, which scopes keyed state and timers; null when {@code key} is
 */
public record StreamRecord(Object value, long timestamp, Object key, byte[] keyBytes) {

    public static StreamRecord unkeyed(Object value, long timestamp) {
        return new StreamRecord(value, timestamp, null, null);
    }

    public StreamRecord withValue(Object newValue) {
        return new StreamRecord(newValue, timestamp, key, keyBytes);
    }

    public StreamRecord withValue(Object newValue, long newTimestamp) {
        return new StreamRecord(newValue, newTimestamp, key, keyBytes);
    }
}
