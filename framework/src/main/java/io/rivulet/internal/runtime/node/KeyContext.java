package io.rivulet.internal.runtime.node;

import io.rivulet.internal.state.StateKeys;

/**
 * The key a keyed operator is working on: set from the element it processes or the timer it fires, read by
 * its keyed state and timer service. One per operator, as the key context of a Flink keyed operator.
 */
public final class KeyContext {

    private Object key;
    private byte[] keyBytes;
    private byte[] stateScope;

    public void set(Object newKey, byte[] newKeyBytes) {
        this.key = newKey;
        this.keyBytes = newKeyBytes;
        this.stateScope = null;
    }

    public Object key() {
        return key;
    }

    public byte[] keyBytes() {
        if (keyBytes == null) {
            throw new IllegalStateException(
                    "keyed state is only available on a keyed stream, inside processing of an element");
        }
        return keyBytes;
    }

    /** The current key's state scope, {@link StateKeys#keyed}; computed once per key. */
    public byte[] stateScope() {
        if (stateScope == null) {
            stateScope = StateKeys.keyed(keyBytes());
        }
        return stateScope;
    }
}
