package io.rivulet.internal.runtime.state;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.SerdeException;
import io.rivulet.api.state.StateTtlConfig;
import io.rivulet.internal.state.StateNames;
import io.rivulet.state.Bytes;

/**
 * Reads and writes the entries of one keyed state in the task's staged state, under the current scope
 * (key, or key and window), applying its time to live: with a TTL every entry is stored as
 * {@code [last access, epoch ms][payload]}, an expired entry is removed when read, and {@link #sweep} removes
 * every expired entry of the state.
 */
public final class StateAccess {

    private final TaskServices services;
    private final String stateName;
    private final Supplier<byte[]> scope;
    private final StateTtlConfig ttl;
    private long lastSweep = Long.MIN_VALUE;

    public StateAccess(TaskServices services, String stateName, Supplier<byte[]> scope, StateTtlConfig ttl) {
        this.services = services;
        this.stateName = stateName;
        this.scope = scope;
        this.ttl = ttl;
    }

    public String stateName() {
        return stateName;
    }

    /** The key bytes of the current scope: the entry of a value, the prefix of a list's or map's entries. */
    public byte[] scope() {
        return scope.get();
    }

    /**
     * Reads a stored value with its serde; a value the serde cannot read fails naming the state, which is what
     * an upgraded job whose state type changed incompatibly needs to know.
     */
    public <T> T decode(Serde<T> serde, byte[] bytes) {
        try {
            return serde.deserialize(bytes);
        } catch (SerdeException e) {
            throw new SerdeException(
                    "state '" + StateNames.nameOf(stateName) + "' of operator uid '" + StateNames.uidOf(stateName)
                            + "' holds a value its serde cannot read: " + e.getMessage(),
                    e);
        }
    }

    /** The smallest key after {@code key} in byte order: {@code key} followed by a zero byte. */
    public static byte[] successor(byte[] key) {
        return Arrays.copyOf(key, key.length + 1);
    }

    public static byte[] concat(byte[] prefix, byte[] suffix) {
        byte[] key = Arrays.copyOf(prefix, prefix.length + suffix.length);
        System.arraycopy(suffix, 0, key, prefix.length, suffix.length);
        return key;
    }

    /** The payload stored under {@code key}, or null if absent or expired (and not to be returned). */
    public byte[] get(byte[] key) {
        byte[] stored = services.state().get(stateName, key);
        return stored == null ? null : visible(key, stored);
    }

    public void put(byte[] key, byte[] payload) {
        services.state().put(stateName, key, ttl == null ? payload : stamped(payload));
    }

    public void delete(byte[] key) {
        services.state().delete(stateName, key);
    }

    /** The visible entries under {@code prefix} (the prefix itself excluded), payloads only, in key order. */
    public NavigableMap<byte[], byte[]> range(byte[] prefix) {
        return range(successor(prefix), Bytes.prefixEnd(prefix));
    }

    /** The visible entries with keys in {@code [from, to)} ({@code to == null}: unbounded), payloads only, in key order. */
    public NavigableMap<byte[], byte[]> range(byte[] from, byte[] to) {
        NavigableMap<byte[], byte[]> visible = new TreeMap<>(Bytes.ORDER);
        for (Map.Entry<byte[], byte[]> entry :
                services.state().range(stateName, from, to).entrySet()) {
            byte[] payload = visible(entry.getKey(), entry.getValue());
            if (payload != null) {
                visible.put(entry.getKey(), payload);
            }
        }
        return visible;
    }

    /** Removes every entry under {@code prefix} (the prefix itself included), expired or not. */
    public void deleteAll(byte[] prefix) {
        for (byte[] key : services.state().range(stateName, prefix).keySet()) {
            delete(key);
        }
    }

    /** Removes the expired entries of the whole state, if its TTL sweeps and the interval has passed. */
    public void sweepIfDue(long now) {
        if (ttl == null
                || ttl.cleanupInterval() == null
                || (lastSweep != Long.MIN_VALUE
                        && now - lastSweep < ttl.cleanupInterval().toMillis())) {
            return;
        }
        lastSweep = now;
        for (Map.Entry<byte[], byte[]> entry :
                services.state().range(stateName, new byte[0]).entrySet()) {
            if (expired(entry.getValue(), now)) {
                delete(entry.getKey());
            }
        }
    }

    private byte[] visible(byte[] key, byte[] stored) {
        if (ttl == null) {
            return stored;
        }
        byte[] payload = Arrays.copyOfRange(stored, Long.BYTES, stored.length);
        if (expired(stored, services.currentProcessingTime())) {
            delete(key);
            return ttl.stateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp ? payload : null;
        }
        if (ttl.updateType() == StateTtlConfig.UpdateType.OnReadAndWrite) {
            put(key, payload);
        }
        return payload;
    }

    private boolean expired(byte[] stored, long now) {
        return expired(ttl, stored, now);
    }

    private static boolean expired(StateTtlConfig ttl, byte[] stored, long now) {
        long lastAccess = ByteBuffer.wrap(stored).getLong();
        return now - lastAccess >= ttl.ttl().toMillis();
    }

    /**
     * What a reader outside the task (an interactive query) sees of a stored entry at {@code now}: its payload, or
     * null once it expired and the state's TTL hides expired entries. Nothing is written back: such a reader leaves
     * access times and cleanup to the task.
     */
    public static byte[] committedPayload(StateTtlConfig ttl, byte[] stored, long now) {
        if (ttl == null) {
            return stored;
        }
        if (expired(ttl, stored, now)
                && ttl.stateVisibility() != StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp) {
            return null;
        }
        return Arrays.copyOfRange(stored, Long.BYTES, stored.length);
    }

    private byte[] stamped(byte[] payload) {
        return ByteBuffer.allocate(Long.BYTES + payload.length)
                .putLong(services.currentProcessingTime())
                .put(payload)
                .array();
    }
}
