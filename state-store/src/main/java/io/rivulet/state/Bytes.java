package io.rivulet.state;

import java.util.Arrays;
import java.util.Comparator;

/** The order of state keys (RocksDB's byte order) and the bounds of a key prefix, for backends and their callers. */
public final class Bytes {

    /** Unsigned lexicographic order, as RocksDB's default comparator. */
    public static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;

    private Bytes() {}

    /** The smallest key greater than every key with this prefix, or {@code null} if there is none (all 0xFF). */
    public static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        return null;
    }
}
