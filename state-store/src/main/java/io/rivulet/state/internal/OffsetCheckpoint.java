package io.rivulet.state.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The changelog offsets a closed store had committed, in a small file next to it (Kafka Streams' {@code
 * .checkpoint}): what a process reads at start to tell its group which state it holds without opening every
 * store. The store itself stays the truth; the file is a hint that may be older than the store, never newer:
 * it is written when the store closes and deleted when its state is wiped.
 */
public final class OffsetCheckpoint {

    public static final String FILE_NAME = "checkpoint";

    private OffsetCheckpoint() {}

    /** Replaces the file atomically: a crash leaves the old one or the new one. */
    public static void write(Path file, Map<String, Long> offsets) {
        Properties properties = new Properties();
        offsets.forEach((changelog, offset) -> properties.setProperty(changelog, Long.toString(offset)));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "committed changelog offsets of a closed Rivulet task store");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The offsets in the file; empty if there is none or it cannot be read (then nothing is known). */
    public static Optional<Map<String, Long>> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            Map<String, Long> offsets = new HashMap<>();
            for (String changelog : properties.stringPropertyNames()) {
                offsets.put(changelog, Long.parseLong(properties.getProperty(changelog)));
            }
            return Optional.of(offsets);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
