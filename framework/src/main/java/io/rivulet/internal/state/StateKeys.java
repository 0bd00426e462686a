package io.rivulet.internal.state;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * How keyed state is laid out in a task's store. Every entry of keyed state (values, list and map entries,
 * window contents, timers, merging windows) is stored under a key that starts with the record key it belongs
 * to, length-prefixed: {@code [key length][key][rest]}. A savepoint can therefore tell, from the stored key
 * alone, which record key an entry belongs to, and re-partition it by that key onto any task count.
 * State of a whole task (broadcast and operator state) has no such prefix.
 */
public final class StateKeys {

    /** A list state keeps each key's next sequence number in a companion state of this suffix. */
    public static final String LIST_SEQUENCE_SUFFIX = "#seq";

    private StateKeys() {}

    /** {@code [key length][key][namespace]}: the key's entry under a namespace (window, timer). */
    public static byte[] namespaced(byte[] key, byte[] namespace) {
        return ByteBuffer.allocate(4 + key.length + namespace.length)
                .putInt(key.length)
                .put(key)
                .put(namespace)
                .array();
    }

    /** {@code [key length][key]}: the scope of a key's state without a namespace. */
    public static byte[] keyed(byte[] key) {
        return namespaced(key, new byte[0]);
    }

    /** The record key a keyed entry belongs to: the length-prefixed bytes at its start. */
    public static byte[] recordKey(byte[] storedKey) {
        int length = ByteBuffer.wrap(storedKey).getInt();
        return Arrays.copyOfRange(storedKey, 4, 4 + length);
    }

    /** What follows the record key in a keyed entry's stored key. */
    public static byte[] afterRecordKey(byte[] storedKey) {
        int length = ByteBuffer.wrap(storedKey).getInt();
        return Arrays.copyOfRange(storedKey, 4 + length, storedKey.length);
    }

    /**
     * The prefix of a list's or map's entries in {@code scope}: the entries extend it, so what follows the
     * record key is length-prefixed too, lest the entries of window {@code w} read as those of a longer window
     * that starts with {@code w}'s bytes. A whole-task scope has no record key: the whole scope is prefixed.
     */
    public static byte[] collectionScope(byte[] scope, boolean keyed) {
        if (!keyed) {
            return namespaced(scope, new byte[0]);
        }
        int keyLength = ByteBuffer.wrap(scope).getInt();
        int restLength = scope.length - 4 - keyLength;
        return ByteBuffer.allocate(scope.length + 4)
                .put(scope, 0, 4 + keyLength)
                .putInt(restLength)
                .put(scope, 4 + keyLength, restLength)
                .array();
    }

    /**
     * What follows the record key in the stored key of a list's or map's entry {@code entry} with a plain key
     * scope (no window): the {@link #collectionScope} delimiter for an empty namespace, then the entry.
     */
    public static byte[] collectionSuffix(byte[] entry) {
        return ByteBuffer.allocate(4 + entry.length).putInt(0).put(entry).array();
    }

    /** The entry key of a list's or map's entry, from what follows the record key: {@link #collectionSuffix} undone. */
    public static byte[] collectionEntry(byte[] afterRecordKey) {
        int namespaceLength = ByteBuffer.wrap(afterRecordKey).getInt();
        return Arrays.copyOfRange(afterRecordKey, 4 + namespaceLength, afterRecordKey.length);
    }
}
