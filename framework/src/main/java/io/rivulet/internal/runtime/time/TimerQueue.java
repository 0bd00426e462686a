package io.rivulet.internal.runtime.time;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.TreeSet;

import io.rivulet.internal.runtime.state.StagedEffects;
import io.rivulet.internal.runtime.state.TaskServices;
import io.rivulet.internal.state.StateKeys;

/**
 * The timers of one operator in one time domain. Timers are keyed state: every registration and deletion is
 * a state write, so timers commit with the transaction, reach the changelog and survive a crash or a move
 * of the task. For ordering they are also held in memory, sorted by timestamp, loaded from the store on
 * first use and dropped whenever uncommitted writes are discarded, to be loaded again.
 *
 * <p>A timer is stored under {@code [key length][key][timestamp with the sign bit flipped][namespace]}: keyed
 * state like any other ({@link StateKeys}), ordered by timestamp in memory. Registering a timer twice keeps
 * one, as in Flink.
 */
public final class TimerQueue implements StagedEffects {

    private static final byte[] PRESENT = {1};
    private static final byte[] ALL = new byte[0];

    private final String stateName;
    private final TaskServices services;
    /** Timestamp order, then the stored bytes: one entry per (timestamp, key, namespace). */
    private static final Comparator<byte[]> FIRING_ORDER =
            Comparator.comparingLong(TimerQueue::timestampOf).thenComparing(Arrays::compareUnsigned);

    private final TreeSet<byte[]> timers = new TreeSet<>(FIRING_ORDER);
    private boolean loaded;

    public TimerQueue(String stateName, TaskServices services) {
        this.stateName = stateName;
        this.services = services;
        services.effects().register(this);
    }

    public void register(long timestamp, byte[] key, byte[] namespace) {
        byte[] entry = encode(timestamp, key, namespace);
        if (loaded().add(entry)) {
            services.state().put(stateName, entry, PRESENT);
        }
    }

    public void delete(long timestamp, byte[] key, byte[] namespace) {
        byte[] entry = encode(timestamp, key, namespace);
        if (loaded().remove(entry)) {
            services.state().delete(stateName, entry);
        }
    }

    /** Removes and returns the earliest timer if it is due at {@code time}; null otherwise. */
    public InternalTimer pollDue(long time) {
        TreeSet<byte[]> queue = loaded();
        if (queue.isEmpty()) {
            return null;
        }
        byte[] first = queue.first();
        long timestamp = timestampOf(first);
        if (timestamp > time) {
            return null;
        }
        queue.pollFirst();
        services.state().delete(stateName, first);
        ByteBuffer buffer = ByteBuffer.wrap(first);
        byte[] key = new byte[buffer.getInt()];
        buffer.get(key);
        buffer.getLong();
        byte[] namespace = new byte[buffer.remaining()];
        buffer.get(namespace);
        return new InternalTimer(timestamp, key, namespace);
    }

    @Override
    public void commitRecord() {}

    /** Uncommitted timer writes were dropped: forgets the in-memory copy, to be loaded from the store again. */
    @Override
    public void discardRecord() {
        loaded = false;
        timers.clear();
    }

    private TreeSet<byte[]> loaded() {
        if (!loaded) {
            timers.addAll(services.state().range(stateName, ALL).keySet());
            loaded = true;
        }
        return timers;
    }

    private static byte[] encode(long timestamp, byte[] key, byte[] namespace) {
        return ByteBuffer.allocate(4 + key.length + 8 + namespace.length)
                .putInt(key.length)
                .put(key)
                .putLong(timestamp ^ Long.MIN_VALUE)
                .put(namespace)
                .array();
    }

    private static long timestampOf(byte[] entry) {
        ByteBuffer buffer = ByteBuffer.wrap(entry);
        return buffer.getLong(4 + buffer.getInt(0)) ^ Long.MIN_VALUE;
    }
}
