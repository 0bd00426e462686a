package io.rivulet.state.savepoint;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Writes a savepoint directory: one data file per operator state, streamed entry by entry, then the manifest.
 * The manifest is written last, synced and moved into place atomically, so a directory that has one is complete
 * and a writer that died half-way leaves a directory that every reader refuses.
 *
 * <pre>{@code
 * try (SavepointWriter writer = SavepointWriter.create(dir, "sp-1", "wordcount")) {
 *     writer.addTask(new TaskPosition("0_0", Map.of("lines-0", 1234L), null));
 *     try (SavepointWriter.StateOutput counts = writer.state("word-counts", "count")) {
 *         counts.write(new SavepointEntry(word, word, count));
 *     }
 *     writer.complete();
 * }
 * }</pre>
 */
public final class SavepointWriter implements AutoCloseable {

    /** The format version this build writes. */
    public static final int FORMAT_VERSION = 1;

    private final Path directory;
    private final String id;
    private final String applicationId;
    private final List<TaskPosition> tasks = new ArrayList<>();
    private final List<SavepointManifest.State> states = new ArrayList<>();
    private final Set<String> stateNames = new HashSet<>();
    private final Map<String, String> schemas = new TreeMap<>();
    private StateOutput open;
    private boolean completed;

    private SavepointWriter(Path directory, String id, String applicationId) {
        this.directory = directory;
        this.id = id;
        this.applicationId = applicationId;
    }

    /** Starts a savepoint in {@code directory}, which must not exist or be empty. */
    public static SavepointWriter create(Path directory, String id, String applicationId) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(applicationId, "applicationId");
        try {
            if (Files.isDirectory(directory)) {
                try (var children = Files.list(directory)) {
                    if (children.findAny().isPresent()) {
                        throw new SavepointFormatException("a savepoint is written into a new or empty directory, and "
                                + directory + " is not empty");
                    }
                }
            }
            Files.createDirectories(directory.resolve("states"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the savepoint directory " + directory, e);
        }
        return new SavepointWriter(directory, id, applicationId);
    }

    /** Records where a task stood; every task of the job is added once. */
    public void addTask(TaskPosition task) {
        tasks.add(Objects.requireNonNull(task, "task"));
    }

    /**
     * Records an Avro writer schema, by the 16 hex digits of its CRC-64-AVRO fingerprint. Values of states written
     * after it that are in Avro's single-object encoding with that fingerprint name it as their writer schema.
     */
    public void addSchema(String fingerprint, String schemaJson) {
        schemas.put(fingerprint, schemaJson);
    }

    /**
     * Opens the data file of one operator state. One state is written at a time: the previous one must be
     * closed. Each (uid, name) pair is written once.
     */
    public StateOutput state(String operatorUid, String name) {
        if (completed) {
            throw new IllegalStateException("the savepoint " + id + " is completed already");
        }
        if (open != null) {
            throw new IllegalStateException(
                    "close the state " + open.operatorUid + "/" + open.name + " before opening another");
        }
        if (!stateNames.add(operatorUid + "\u0000" + name)) {
            throw new IllegalArgumentException(
                    "the state " + name + " of operator " + operatorUid + " is in the savepoint already");
        }
        String file = String.format("states/%05d.bin", states.size());
        try {
            open = new StateOutput(operatorUid, name, file, directory.resolve(file));
            return open;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory.resolve(file), e);
        }
    }

    /** Syncs every data file and writes the manifest: only now is the savepoint there. */
    public SavepointManifest complete() {
        if (open != null) {
            open.close();
        }
        SavepointManifest manifest =
                new SavepointManifest(FORMAT_VERSION, id, applicationId, Instant.now(), tasks, states, schemas);
        try {
            Path temporary = directory.resolve(ManifestJson.FILE + ".tmp");
            Files.write(temporary, ManifestJson.write(manifest));
            sync(temporary);
            Files.move(temporary, directory.resolve(ManifestJson.FILE), StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest of the savepoint " + directory, e);
        }
        completed = true;
        return manifest;
    }

    /** Closes an open data file; a savepoint not {@link #complete completed} stays without manifest. */
    @Override
    public void close() {
        if (open != null) {
            open.close();
        }
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException refused) {
            // Some file systems cannot sync a directory; the rename is then as durable as they make it.
        }
    }

    /** The data file of one state, written entry by entry. */
    public final class StateOutput implements AutoCloseable {

        private final String operatorUid;
        private final String name;
        private final String file;
        private final Path path;
        private final CRC32C crc = new CRC32C();
        private final CountingStream counted;
        private final DataOutputStream out;
        private final Set<String> writerSchemas = new TreeSet<>();
        private long entries;
        private boolean closed;

        private StateOutput(String operatorUid, String name, String file, Path path) throws IOException {
            this.operatorUid = operatorUid;
            this.name = name;
            this.file = file;
            this.path = path;
            this.counted = new CountingStream(new CheckedOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE_NEW), 1 << 16),
                    crc));
            this.out = new DataOutputStream(counted);
            out.write(DataFiles.MAGIC);
            out.writeInt(FORMAT_VERSION);
        }

        public void write(SavepointEntry entry) {
            try {
                if (entry.partitionKey() == null) {
                    out.writeByte(DataFiles.WITHOUT_PARTITION_KEY);
                } else {
                    out.writeByte(DataFiles.WITH_PARTITION_KEY);
                    writeBytes(entry.partitionKey());
                }
                writeBytes(entry.key());
                writeBytes(entry.value());
                noteWriterSchema(entry.value(), 0);
                // A value with a time to live starts with the 8-byte time of its last access.
                noteWriterSchema(entry.value(), Long.BYTES);
                entries++;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path, e);
            }
        }

        /** Avro's single-object encoding: {@code C3 01}, then the writer schema's fingerprint, little-endian. */
        private void noteWriterSchema(byte[] value, int at) {
            if (schemas.isEmpty() || value.length < at + 10 || value[at] != (byte) 0xC3 || value[at + 1] != 0x01) {
                return;
            }
            long fingerprint = ByteBuffer.wrap(value, at + 2, 8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .getLong();
            String hex = String.format("%016x", fingerprint);
            if (schemas.containsKey(hex)) {
                writerSchemas.add(hex);
            }
        }

        private void writeBytes(byte[] bytes) throws IOException {
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            open = null;
            try {
                out.close();
                sync(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path, e);
            }
            states.add(new SavepointManifest.State(
                    operatorUid, name, file, entries, counted.count, crc.getValue(), List.copyOf(writerSchemas)));
        }
    }

    /** Counts what reaches the file, for the manifest. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
