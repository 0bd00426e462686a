package io.rivulet.state;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The keyed state of one task, transactional: writes go to a buffer of the open transaction that reads see,
 * and reach the backend only with {@link #commit}, atomically together with the changelog offsets they
 * correspond to. After a crash the store therefore holds the state as of its last commit, and the caller
 * replays only the changelog past {@link #committedOffsets()}. Not thread-safe, but for the committed reads: one stream thread owns it.
 */
public interface TaskStateStore extends AutoCloseable {

    String taskId();

    /** The value, reading the open transaction's writes first; {@code null} if absent. */
    byte[] get(String stateName, byte[] key);

    /** Buffers a put. */
    void put(String stateName, byte[] key, byte[] value);

    /** Buffers a delete. */
    void delete(String stateName, byte[] key);

    /**
     * The entries of one state with keys in {@code [from, to)} ({@code to == null}: no upper bound; empty when
     * {@code to <= from}), committed and buffered merged, in unsigned lexicographic key order, buffered deletes hidden. The cost follows the
     * entries inside the bounds, not the size of the state or of the open transaction.
     */
    StateIterator range(String stateName, byte[] from, byte[] to);

    /** The entries of one state whose key starts with {@code prefix}, as {@link #range(String, byte[], byte[])}. */
    default StateIterator range(String stateName, byte[] prefix) {
        return range(stateName, prefix, Bytes.prefixEnd(prefix));
    }

    /**
     * The committed value, for a reader on another thread than the owner (an interactive query): it sees the state
     * as of the owner's last commit or restored batch — a whole commit or none of it — and never the open
     * transaction. The one method, with its range form, that is safe to call concurrently with the owner.
     *
     * @return the value, or null if absent
     * @throws StateStoreClosedException once the owner closed the store (its task moved or the job stops)
     */
    byte[] readCommitted(String stateName, byte[] key);

    /**
     * The committed entries of one state with keys in {@code [from, to)} ({@code to == null}: no upper bound), in
     * unsigned key order, read as {@link #readCommitted(String, byte[])} reads.
     */
    NavigableMap<byte[], byte[]> readCommitted(String stateName, byte[] from, byte[] to);

    /**
     * Every committed entry of one state, in unsigned key order, streamed from the backend: for reading a whole
     * state (exporting a savepoint) without holding it in memory. The open transaction's writes are not seen.
     * Close it to release native resources.
     */
    StateIterator committedEntries(String stateName);

    /**
     * How many bytes the committed state takes, as the backend estimates it (RocksDB's live-data estimate plus
     * what its memtables hold); cheap enough to ask every few hundred milliseconds.
     */
    long estimatedSizeBytes();

    /**
     * The buffered writes, last write per (state, key) winning, grouped by state and in key order: what the
     * caller sends to the changelog before committing. Deletes have a {@code null} value.
     */
    List<StateWrite> pendingWrites();

    boolean hasPendingWrites();

    /**
     * Applies the buffer together with changelog offsets (name → next offset to read when restoring) in one
     * atomic write, then clears the buffer. Offsets not named keep their stored values.
     */
    void commit(Map<String, Long> changelogOffsets);

    /** Drops the buffer. */
    void abort();

    /** The committed changelog offsets; empty for a new store. */
    Map<String, Long> committedOffsets();

    /** Applies restored changelog records directly, atomically with the changelog's new offset. */
    void restore(String changelog, List<StateWrite> records, long nextOffset);

    /**
     * Deletes every committed entry and changelog offset, and the buffer: for local state that does not belong
     * to the changelog it claims to mirror (a changelog recreated, a state directory reused against another
     * cluster), which must be restored from scratch instead.
     */
    void wipe();

    /** Releases the lock and native resources; a non-empty buffer is discarded. */
    @Override
    void close();
}
