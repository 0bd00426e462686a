package io.rivulet.state.savepoint;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * Reads a savepoint directory: its manifest, and the entries of any state, streamed and checked against the
 * manifest's entry count, size and checksum as they are read. A directory without manifest (a savepoint that
 * never completed), of a newer format version, or with a damaged file is refused with what is wrong and where.
 */
public final class SavepointReader {

    private final Path directory;
    private final SavepointManifest manifest;

    private SavepointReader(Path directory, SavepointManifest manifest) {
        this.directory = directory;
        this.manifest = manifest;
    }

    public static SavepointReader open(Path directory) {
        try {
            return new SavepointReader(
                    directory, ManifestJson.read(directory, Files.readAllBytes(directory.resolve(ManifestJson.FILE))));
        } catch (NoSuchFileException e) {
            throw new SavepointFormatException(directory + " holds no " + ManifestJson.FILE
                    + ": it is not a savepoint, or one that never completed");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the savepoint " + directory, e);
        }
    }

    /** The savepoint's directory. */
    public Path directory() {
        return directory;
    }

    public SavepointManifest manifest() {
        return manifest;
    }

    /** The state {@code name} of operator {@code operatorUid}, if the savepoint has it. */
    public Optional<SavepointManifest.State> state(String operatorUid, String name) {
        return manifest.states().stream()
                .filter(state ->
                        state.operatorUid().equals(operatorUid) && state.name().equals(name))
                .findFirst();
    }

    /**
     * Hands every entry of a state to {@code consumer}, in the order written; at the end checks the file against
     * the manifest, so a consumer that must not act on damaged data stages what it receives until this returns.
     */
    public void forEach(SavepointManifest.State state, Consumer<SavepointEntry> consumer) {
        Path path = directory.resolve(state.file());
        CRC32C crc = new CRC32C();
        long entries = 0;
        try (DataInputStream in = new DataInputStream(
                new CheckedInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16), crc))) {
            byte[] magic = in.readNBytes(DataFiles.MAGIC.length);
            if (!Arrays.equals(magic, DataFiles.MAGIC) || in.readInt() != manifest.version()) {
                throw damaged(path, "it does not start as a data file of this savepoint's format");
            }
            long read = DataFiles.HEADER;
            int flag;
            while ((flag = in.read()) != -1) {
                read++;
                byte[] partitionKey = null;
                if (flag == DataFiles.WITH_PARTITION_KEY) {
                    partitionKey = readBytes(in, path);
                    read += Integer.BYTES + partitionKey.length;
                } else if (flag != DataFiles.WITHOUT_PARTITION_KEY) {
                    throw damaged(path, "entry " + entries + " has an unknown flag " + flag);
                }
                byte[] key = readBytes(in, path);
                byte[] value = readBytes(in, path);
                read += 2L * Integer.BYTES + key.length + value.length;
                consumer.accept(new SavepointEntry(partitionKey, key, value));
                entries++;
            }
            if (entries != state.entries() || read != state.bytes() || crc.getValue() != state.crc32c()) {
                throw damaged(
                        path,
                        "it holds " + entries + " entries in " + read + " bytes with CRC-32C "
                                + crc.getValue() + ", the manifest says " + state.entries() + " in " + state.bytes()
                                + " with " + state.crc32c());
            }
        } catch (EOFException e) {
            throw damaged(path, "it ends inside entry " + entries);
        } catch (NoSuchFileException e) {
            throw damaged(path, "it is missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static byte[] readBytes(DataInputStream in, Path path) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw damaged(path, "it holds a negative length");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException();
        }
        return bytes;
    }

    private static SavepointFormatException damaged(Path path, String why) {
        return new SavepointFormatException("the savepoint data file " + path + " is damaged: " + why);
    }
}
