package io.rivulet.internal.operators;

import java.nio.ByteBuffer;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.SerdeException;

/**
 * Longs as 8 big-endian bytes with the sign bit flipped, so that the unsigned byte order of the state store is
 * the numeric order, negative values included.
 */
public final class SortableLongSerde implements Serde<Long> {

    private static final long serialVersionUID = 1L;

    @Override
    public byte[] serialize(Long value) {
        return value == null
                ? null
                : ByteBuffer.allocate(Long.BYTES)
                        .putLong(value ^ Long.MIN_VALUE)
                        .array();
    }

    @Override
    public Long deserialize(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length != Long.BYTES) {
            throw new SerdeException("a sortable long has 8 bytes, not " + bytes.length);
        }
        return ByteBuffer.wrap(bytes).getLong() ^ Long.MIN_VALUE;
    }
}
