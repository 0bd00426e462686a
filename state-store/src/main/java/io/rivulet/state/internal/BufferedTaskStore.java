package io.rivulet.state.internal;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.state.Bytes;
import io.rivulet.state.StateIterator;
import io.rivulet.state.StateStoreClosedException;
import io.rivulet.state.StateWrite;
import io.rivulet.state.TaskStateStore;
import io.rivulet.state.WriteBuffer;

/** The transactional logic every backend shares; a backend supplies committed reads and atomic writes. */
public abstract class BufferedTaskStore implements TaskStateStore {

    private static final Logger LOG = LoggerFactory.getLogger(BufferedTaskStore.class);

    private final String taskId;
    private final WriteBuffer buffer = new WriteBuffer();
    /**
     * Readers on other threads ({@link #readCommitted}) share it; the owner's writes to the backend, its wipe and its
     * close take it alone, so that a reader sees a whole commit or none of it, and never a released backend.
     */
    private final ReadWriteLock backendLock = new ReentrantReadWriteLock();

    private boolean released;

    protected BufferedTaskStore(String taskId) {
        this.taskId = taskId;
    }

    protected abstract byte[] committedGet(String stateName, byte[] key);

    /** Puts the committed entries of one state with keys in {@code [from, to)} into {@code into}; {@code to} may be null. */
    protected abstract void committedRange(String stateName, byte[] from, byte[] to, NavigableMap<byte[], byte[]> into);

    /** Writes the changes and offsets in one atomic batch. */
    protected abstract void writeAtomically(List<StateWrite> writes, Map<String, Long> offsets);

    /** Writes restored changelog records and the changelog's offset in one atomic batch. */
    protected void writeRestored(List<StateWrite> writes, Map<String, Long> offsets) {
        writeAtomically(writes, offsets);
    }

    protected abstract void release();

    /** Deletes every committed entry and offset. */
    protected abstract void committedWipe();

    @Override
    public String taskId() {
        return taskId;
    }

    @Override
    public byte[] get(String stateName, byte[] key) {
        byte[] buffered = buffer.get(stateName, key);
        if (buffered == WriteBuffer.DELETED) {
            return null;
        }
        return buffered != null ? buffered : committedGet(stateName, key);
    }

    @Override
    public void put(String stateName, byte[] key, byte[] value) {
        buffer.put(stateName, key, value);
    }

    @Override
    public void delete(String stateName, byte[] key) {
        buffer.delete(stateName, key);
    }

    @Override
    public StateIterator range(String stateName, byte[] from, byte[] to) {
        NavigableMap<byte[], byte[]> entries = new TreeMap<>(Bytes.ORDER);
        if (to == null || Bytes.ORDER.compare(from, to) < 0) {
            committedRange(stateName, from, to, entries);
            buffer.overlay(stateName, from, to, entries);
        }
        return StateIterator.of(entries.entrySet().iterator());
    }

    @Override
    public byte[] readCommitted(String stateName, byte[] key) {
        return whileOpen(() -> committedGet(stateName, key));
    }

    @Override
    public NavigableMap<byte[], byte[]> readCommitted(String stateName, byte[] from, byte[] to) {
        return whileOpen(() -> {
            NavigableMap<byte[], byte[]> entries = new TreeMap<>(Bytes.ORDER);
            if (to == null || Bytes.ORDER.compare(from, to) < 0) {
                committedRange(stateName, from, to, entries);
            }
            return entries;
        });
    }

    private <T> T whileOpen(Supplier<T> read) {
        backendLock.readLock().lock();
        try {
            if (released) {
                throw new StateStoreClosedException("the store of task " + taskId + " is closed");
            }
            return read.get();
        } finally {
            backendLock.readLock().unlock();
        }
    }

    /** Runs one of the owner's changes to the backend while no other thread reads it. */
    private void exclusively(Runnable change) {
        backendLock.writeLock().lock();
        try {
            change.run();
        } finally {
            backendLock.writeLock().unlock();
        }
    }

    @Override
    public List<StateWrite> pendingWrites() {
        return buffer.toWrites();
    }

    @Override
    public boolean hasPendingWrites() {
        return !buffer.isEmpty();
    }

    @Override
    public void commit(Map<String, Long> changelogOffsets) {
        List<StateWrite> writes = buffer.toWrites();
        exclusively(() -> writeAtomically(writes, changelogOffsets));
        buffer.clear();
    }

    @Override
    public void abort() {
        buffer.clear();
    }

    @Override
    public void wipe() {
        buffer.clear();
        exclusively(this::committedWipe);
    }

    @Override
    public void restore(String changelog, List<StateWrite> records, long nextOffset) {
        exclusively(() -> writeRestored(records, Map.of(changelog, nextOffset)));
    }

    @Override
    public void close() {
        if (!buffer.isEmpty()) {
            LOG.warn("Task {} closed with uncommitted state changes; they are discarded", taskId);
            buffer.clear();
        }
        exclusively(() -> {
            released = true;
            release();
        });
    }
}
