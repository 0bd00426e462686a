package io.rivulet.api.windowing.evictors;

/** An element of a window with its timestamp, as evictors see it. */
public record TimestampedValue<T>(T value, long timestamp) {

    public T getValue() {
        return value;
    }

    public long getTimestamp() {
        return timestamp;
    }
}
