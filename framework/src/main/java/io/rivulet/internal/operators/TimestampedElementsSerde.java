package io.rivulet.internal.operators;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.SerdeException;
import io.rivulet.api.windowing.evictors.TimestampedValue;

/** Encodes elements with their timestamps as one value: {@code [timestamp][length][element]...}. */
public record TimestampedElementsSerde(Serde<Object> elementSerde) implements Serde<List<TimestampedValue<Object>>> {

    @Override
    public byte[] serialize(List<TimestampedValue<Object>> elements) {
        if (elements == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TimestampedValue<Object> element : elements) {
            byte[] bytes = elementSerde.serialize(element.value());
            out.writeBytes(ByteBuffer.allocate(12)
                    .putLong(element.timestamp())
                    .putInt(bytes.length)
                    .array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    @Override
    public List<TimestampedValue<Object>> deserialize(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        List<TimestampedValue<Object>> elements = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            if (buffer.remaining() < 12) {
                throw new SerdeException("truncated timestamped elements: " + buffer.remaining() + " stray bytes");
            }
            long timestamp = buffer.getLong();
            byte[] element = new byte[buffer.getInt()];
            buffer.get(element);
            elements.add(new TimestampedValue<>(elementSerde.deserialize(element), timestamp));
        }
        return elements;
    }
}
