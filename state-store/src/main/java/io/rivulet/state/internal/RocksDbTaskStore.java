package io.rivulet.state.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

import io.rivulet.state.StateIterator;
import io.rivulet.state.StateStoreException;
import io.rivulet.state.StateWrite;

/**
 * One task's RocksDB database. Commits are one {@link WriteBatch} with the write-ahead log on (not synced):
 * a process crash keeps it in the page cache; after a power loss the changelog restores the lost tail.
 * Column families flush atomically, so the log is released as soon as the memtables are on disk (the small
 * offsets family would otherwise pin every log file) and recovery replays at most a few memtables. Restored
 * changelog records skip the log (the changelog has them), and are flushed before the next commit lest a crash
 * keep later logged writes without them.
 */
public final class RocksDbTaskStore extends BufferedTaskStore {

    private static final String META = "__rivulet_meta";
    private static final long MEMTABLE_BYTES = 16L * 1024 * 1024;

    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final WriteOptions writeOptions = new WriteOptions();
    private final BloomFilter bloomFilter = new BloomFilter(10);
    private final WriteOptions restoreOptions = new WriteOptions().setDisableWAL(true);
    /** Restored records are in memtables only: flush before anything else is written or the store closes. */
    private boolean unflushedRestore;

    private final Map<String, ColumnFamilyHandle> families = new HashMap<>();
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final Runnable unlock;
    private final Path checkpoint;

    /**
     * @param checkpoint where the committed offsets are written when the store closes ({@link OffsetCheckpoint})
     */
    public RocksDbTaskStore(String taskId, Path dir, Path checkpoint, Cache blockCache, Runnable unlock) {
        super(taskId);
        this.unlock = unlock;
        this.checkpoint = checkpoint;
        // Reopening after a crash replays the write-ahead log into memtables: keep that bounded (small
        // memtables, as Kafka Streams' 16 MB x 3) and do not flush it to disk before the task can run, so that
        // recovery costs the same whatever the size of the state.
        this.dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setAtomicFlush(true)
                .setAvoidFlushDuringRecovery(true);
        // Bloom filters let a read of an absent key (a new word, a first window) skip the files that cannot hold it.
        this.cfOptions = new ColumnFamilyOptions()
                .setTableFormatConfig(
                        new BlockBasedTableConfig().setBlockCache(blockCache).setFilterPolicy(bloomFilter))
                .setWriteBufferSize(MEMTABLE_BYTES)
                .setMaxWriteBufferNumber(3);
        try {
            Files.createDirectories(dir);
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
            try (Options listOptions = new Options()) {
                if (Files.exists(dir.resolve("CURRENT"))) {
                    for (byte[] name : RocksDB.listColumnFamilies(listOptions, dir.toString())) {
                        if (!new String(name, StandardCharsets.UTF_8).equals("default")) {
                            descriptors.add(new ColumnFamilyDescriptor(name, cfOptions));
                        }
                    }
                }
            }
            this.db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
            for (int i = 0; i < descriptors.size(); i++) {
                families.put(new String(descriptors.get(i).getName(), StandardCharsets.UTF_8), handles.get(i));
            }
        } catch (RocksDBException | java.io.IOException e) {
            closeOptions();
            unlock.run();
            throw new StateStoreException(
                    "cannot open RocksDB of task " + taskId + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    private ColumnFamilyHandle family(String stateName, boolean create) {
        ColumnFamilyHandle handle = families.get(stateName);
        if (handle == null && create) {
            try {
                handle = db.createColumnFamily(
                        new ColumnFamilyDescriptor(stateName.getBytes(StandardCharsets.UTF_8), cfOptions));
            } catch (RocksDBException e) {
                throw new StateStoreException("cannot create column family " + stateName + " of task " + taskId(), e);
            }
            handles.add(handle);
            families.put(stateName, handle);
        }
        return handle;
    }

    @Override
    protected byte[] committedGet(String stateName, byte[] key) {
        ColumnFamilyHandle handle = family(stateName, false);
        if (handle == null) {
            return null;
        }
        try {
            return db.get(handle, key);
        } catch (RocksDBException e) {
            throw new StateStoreException("reading state " + stateName + " of task " + taskId() + " failed", e);
        }
    }

    @Override
    protected void committedRange(String stateName, byte[] from, byte[] to, NavigableMap<byte[], byte[]> into) {
        ColumnFamilyHandle handle = family(stateName, false);
        if (handle == null) {
            return;
        }
        // The upper bound goes to RocksDB so that it stops there instead of skipping deleted entries beyond it.
        try (Slice upper = to == null ? null : new Slice(to);
                ReadOptions bounds = upper == null ? new ReadOptions() : new ReadOptions().setIterateUpperBound(upper);
                RocksIterator iterator = db.newIterator(handle, bounds)) {
            for (iterator.seek(from); iterator.isValid(); iterator.next()) {
                into.put(iterator.key(), iterator.value());
            }
        }
    }

    @Override
    public long estimatedSizeBytes() {
        long bytes = 0;
        try {
            for (ColumnFamilyHandle handle : families.values()) {
                bytes += db.getLongProperty(handle, "rocksdb.estimate-live-data-size");
                bytes += db.getLongProperty(handle, "rocksdb.cur-size-all-mem-tables");
            }
        } catch (RocksDBException e) {
            throw new StateStoreException("cannot read the size of the store of task " + taskId(), e);
        }
        return bytes;
    }

    @Override
    public StateIterator committedEntries(String stateName) {
        ColumnFamilyHandle handle = family(stateName, false);
        if (handle == null) {
            return StateIterator.EMPTY;
        }
        RocksIterator iterator = db.newIterator(handle);
        iterator.seekToFirst();
        return new StateIterator() {
            @Override
            public boolean hasNext() {
                return iterator.isValid();
            }

            @Override
            public Map.Entry<byte[], byte[]> next() {
                if (!iterator.isValid()) {
                    throw new NoSuchElementException();
                }
                Map.Entry<byte[], byte[]> entry = Map.entry(iterator.key(), iterator.value());
                iterator.next();
                return entry;
            }

            @Override
            public void close() {
                iterator.close();
            }
        };
    }

    @Override
    protected void writeAtomically(List<StateWrite> writes, Map<String, Long> offsets) {
        flushRestored();
        write(writes, offsets, writeOptions);
    }

    @Override
    protected void writeRestored(List<StateWrite> writes, Map<String, Long> offsets) {
        write(writes, offsets, restoreOptions);
        unflushedRestore = true;
    }

    private void write(List<StateWrite> writes, Map<String, Long> offsets, WriteOptions options) {
        try (WriteBatch batch = new WriteBatch()) {
            for (StateWrite write : writes) {
                ColumnFamilyHandle handle = family(write.stateName(), true);
                if (write.value() == null) {
                    batch.delete(handle, write.key());
                } else {
                    batch.put(handle, write.key(), write.value());
                }
            }
            ColumnFamilyHandle meta = family(META, true);
            for (Map.Entry<String, Long> offset : offsets.entrySet()) {
                batch.put(
                        meta,
                        offset.getKey().getBytes(StandardCharsets.UTF_8),
                        ByteBuffer.allocate(Long.BYTES)
                                .putLong(offset.getValue())
                                .array());
            }
            db.write(options, batch);
        } catch (RocksDBException e) {
            throw new StateStoreException("committing state of task " + taskId() + " failed", e);
        }
    }

    private void flushRestored() {
        if (!unflushedRestore) {
            return;
        }
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush, handles);
        } catch (RocksDBException e) {
            throw new StateStoreException("flushing the restored state of task " + taskId() + " failed", e);
        }
        unflushedRestore = false;
    }

    @Override
    protected void committedWipe() {
        OffsetCheckpoint.delete(checkpoint);
        flushRestored();
        try (WriteBatch batch = new WriteBatch()) {
            for (ColumnFamilyHandle handle : families.values()) {
                try (RocksIterator iterator = db.newIterator(handle)) {
                    for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
                        batch.delete(handle, iterator.key());
                    }
                }
            }
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new StateStoreException("wiping the state of task " + taskId() + " failed", e);
        }
    }

    @Override
    public Map<String, Long> committedOffsets() {
        Map<String, Long> offsets = new HashMap<>();
        ColumnFamilyHandle meta = family(META, false);
        if (meta == null) {
            return offsets;
        }
        try (RocksIterator iterator = db.newIterator(meta)) {
            for (iterator.seekToFirst(); iterator.isValid(); iterator.next()) {
                offsets.put(
                        new String(iterator.key(), StandardCharsets.UTF_8),
                        ByteBuffer.wrap(iterator.value()).getLong());
            }
        }
        return offsets;
    }

    @Override
    protected void release() {
        try {
            flushRestored();
            OffsetCheckpoint.write(checkpoint, committedOffsets());
        } finally {
            try {
                handles.forEach(ColumnFamilyHandle::close);
                db.close();
                closeOptions();
            } finally {
                unlock.run();
            }
        }
    }

    private void closeOptions() {
        writeOptions.close();
        restoreOptions.close();
        cfOptions.close();
        bloomFilter.close();
        dbOptions.close();
    }
}
