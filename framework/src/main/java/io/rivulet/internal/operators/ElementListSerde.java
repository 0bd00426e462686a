package io.rivulet.internal.operators;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.SerdeException;

/** Encodes a short list of elements as {@code [length][element]...}: the elements of one timestamp. */
public record ElementListSerde(Serde<Object> elementSerde) implements Serde<List<Object>> {

    @Override
    public byte[] serialize(List<Object> elements) {
        if (elements == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object element : elements) {
            byte[] bytes = elementSerde.serialize(element);
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    @Override
    public List<Object> deserialize(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        List<Object> elements = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            if (buffer.remaining() < Integer.BYTES) {
                throw new SerdeException("truncated element list: " + buffer.remaining() + " stray bytes");
            }
            byte[] element = new byte[buffer.getInt()];
            buffer.get(element);
            elements.add(elementSerde.deserialize(element));
        }
        return elements;
    }
}
