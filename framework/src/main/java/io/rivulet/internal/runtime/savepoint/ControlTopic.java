package io.rivulet.internal.runtime.savepoint;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.apache.kafka.common.TopicPartition;

/**
 * The application's control topic, {@code <application-id>-rivulet-control}: one compacted partition through
 * which the instances of a group coordinate savepoints and restores, so that they need nothing but Kafka.
 */
public final class ControlTopic {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ControlTopic() {}

    public static String nameFor(String applicationId) {
        return applicationId + "-rivulet-control";
    }

    public static TopicPartition partitionFor(String applicationId) {
        return new TopicPartition(nameFor(applicationId), 0);
    }

    static byte[] encode(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T decode(byte[] value, Class<T> type) {
        try {
            return JSON.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a control record is not a " + type.getSimpleName(), e);
        }
    }
}
