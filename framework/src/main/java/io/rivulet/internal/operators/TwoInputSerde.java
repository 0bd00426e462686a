package io.rivulet.internal.operators;

import java.util.Arrays;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.SerdeException;

/** Encodes a {@link TwoInputElement} as one byte naming the input, then the element in that input's serde. */
public record TwoInputSerde(Serde<Object> first, Serde<Object> second) implements Serde<TwoInputElement> {

    @Override
    public byte[] serialize(TwoInputElement element) {
        if (element == null) {
            return null;
        }
        byte[] value = (element.isFirst() ? first : second).serialize(element.value());
        byte[] bytes = new byte[value.length + 1];
        bytes[0] = (byte) element.input();
        System.arraycopy(value, 0, bytes, 1, value.length);
        return bytes;
    }

    @Override
    public TwoInputElement deserialize(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length == 0 || (bytes[0] != 1 && bytes[0] != 2)) {
            throw new SerdeException("not an element of a connected stream: no input tag");
        }
        byte[] value = Arrays.copyOfRange(bytes, 1, bytes.length);
        return new TwoInputElement(bytes[0], (bytes[0] == 1 ? first : second).deserialize(value));
    }
}
