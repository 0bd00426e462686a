package io.rivulet.internal.runtime.state;

import java.nio.ByteBuffer;

/**
 * Keys of namespaced state (per window, per timer): the key's length, the key, then the namespace, so that
 * a key never reads as the prefix of another key's namespace.
 */
public final class StateKeys {

    private StateKeys() {}

    public static byte[] namespaced(byte[] key, byte[] namespace) {
        return ByteBuffer.allocate(4 + key.length + namespace.length)
                .putInt(key.length)
                .put(key)
                .put(namespace)
                .array();
    }
}
