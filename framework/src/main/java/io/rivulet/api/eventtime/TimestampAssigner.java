package io.rivulet.api.eventtime;

import java.io.Serializable;

/** Extracts an element's event time in epoch milliseconds. */
@FunctionalInterface
public interface TimestampAssigner<T> extends Serializable {

    /**
     * @param recordTimestamp the Kafka record's timestamp, the default event time
     */
    long extractTimestamp(T element, long recordTimestamp);
}
