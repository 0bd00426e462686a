package io.rivulet.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;

import io.rivulet.state.internal.OffsetCheckpoint;
import io.rivulet.state.internal.RocksDbTaskStore;

/**
 * Task state in RocksDB: one database per task under {@code <stateDir>/<taskId>/rocksdb}, a column family per
 * state, and the committed changelog offsets in the same database so that they move atomically with the
 * state. A task directory is locked (a file lock against other processes, a set against other threads of
 * this one) while its store is open.
 */
public final class RocksDbStateBackend implements StateBackend {

    private static final long BLOCK_CACHE_BYTES = 64L * 1024 * 1024;

    private final Path stateDir;
    private final Set<Path> openDirs = ConcurrentHashMap.newKeySet();
    // Created with the first store: a job without state never loads the native library.
    private Cache blockCache;

    public RocksDbStateBackend(Path stateDir) {
        this.stateDir = stateDir;
    }

    @Override
    public TaskStateStore open(String taskId) {
        Path dir = stateDir.resolve(taskId);
        if (!openDirs.add(dir)) {
            throw new StateStoreLockedException(
                    "the store of task " + taskId + " in " + dir + " is open in this process already");
        }
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel);
            if (lock == null) {
                throw new StateStoreLockedException("the store of task " + taskId + " in " + dir
                        + " is locked by another process: two instances must not share a state directory");
            }
            FileChannel channel = lockChannel;
            return new RocksDbTaskStore(
                    taskId, dir.resolve("rocksdb"), dir.resolve(OffsetCheckpoint.FILE_NAME), blockCache(), () -> {
                        try {
                            channel.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        } finally {
                            openDirs.remove(dir);
                        }
                    });
        } catch (IOException | RuntimeException e) {
            openDirs.remove(dir);
            closeQuietly(lockChannel);
            if (e instanceof StateStoreException sse) {
                throw sse;
            }
            throw new StateStoreException("cannot open the store of task " + taskId + " in " + dir + ": " + e, e);
        }
    }

    private synchronized Cache blockCache() {
        if (blockCache == null) {
            RocksDB.loadLibrary();
            blockCache = new LRUCache(BLOCK_CACHE_BYTES);
        }
        return blockCache;
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing only releases the lock we failed to use.
            }
        }
    }

    @Override
    public Map<String, Map<String, Long>> closedTaskOffsets() {
        Map<String, Map<String, Long>> offsets = new HashMap<>();
        if (!Files.isDirectory(stateDir)) {
            return offsets;
        }
        try (Stream<Path> dirs = Files.list(stateDir)) {
            dirs.filter(dir -> !openDirs.contains(dir))
                    .forEach(dir -> OffsetCheckpoint.read(dir.resolve(OffsetCheckpoint.FILE_NAME))
                            .ifPresent(
                                    taskOffsets -> offsets.put(dir.getFileName().toString(), taskOffsets)));
        } catch (IOException e) {
            throw new StateStoreException("cannot list the task stores in " + stateDir, e);
        }
        return offsets;
    }

    @Override
    public void delete(String taskId) {
        Path dir = stateDir.resolve(taskId);
        if (openDirs.contains(dir)) {
            throw new StateStoreLockedException("cannot delete the store of task " + taskId + " while it is open");
        }
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new StateStoreException("cannot delete " + dir, e);
        }
    }

    @Override
    public synchronized void close() {
        if (blockCache != null) {
            blockCache.close();
        }
    }
}
