package io.rivulet.api.serde;

import java.io.Serializable;
import java.util.Optional;

/**
 * Turns values of one type into bytes and back, for Kafka keys and values, internal topics and state.
 * Implementations must be thread-safe and deterministic: equal values give equal bytes, because keys are
 * partitioned and looked up in state by their bytes. Serdes are {@link Serializable} because the functions
 * and state descriptors that hold them are copied per task.
 */
public interface Serde<T> extends Serializable {

    /** @return the bytes of {@code value}; {@code null} only for a {@code null} value */
    byte[] serialize(T value);

    /**
     * @return the value, {@code null} for {@code null} bytes
     * @throws SerdeException if the bytes are not a valid encoding
     */
    T deserialize(byte[] bytes);

    /**
     * The value a text stands for, as a query string or a command line gives it (interactive queries read keys so):
     * by default the text's UTF-8 bytes read as this serde's encoding, which is right for text and JSON serdes;
     * binary serdes override it ({@code Serdes.longs()} reads {@code "42"}, Avro serdes read Avro's JSON encoding).
     *
     * @throws SerdeException if the text is not a value of this serde
     */
    default T fromString(String text) {
        return deserialize(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The class of the values, if the serde knows it. Operators that address a field of the elements by name
     * ({@code keyBy(...).sum("amount")}) resolve the name against this class when the job is built, as Flink
     * does against a stream's type information. Empty by default; the built-in serdes all know their class.
     */
    default Optional<Class<T>> type() {
        return Optional.empty();
    }
}
