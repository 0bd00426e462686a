package io.rivulet.internal.runtime.changelog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.rivulet.state.StateWrite;

/**
 * The key of a changelog record names the state and the state's key: a 2-byte length, the state name in
 * UTF-8 ({@code <uid>/<state>}), then the key bytes. The value is the state value; a tombstone deletes.
 * Compaction keeps the last value per (state, key), which is exactly the state.
 */
public final class ChangelogFormat {

    private ChangelogFormat() {}

    public static byte[] key(String stateName, byte[] key) {
        byte[] name = stateName.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + name.length + key.length)
                .putShort((short) name.length)
                .put(name)
                .put(key)
                .array();
    }

    public static StateWrite decode(byte[] changelogKey, byte[] value) {
        ByteBuffer buffer = ByteBuffer.wrap(changelogKey);
        int nameLength = buffer.getShort() & 0xFFFF;
        String stateName = new String(changelogKey, 2, nameLength, StandardCharsets.UTF_8);
        byte[] key = Arrays.copyOfRange(changelogKey, 2 + nameLength, changelogKey.length);
        return new StateWrite(stateName, key, value);
    }
}
