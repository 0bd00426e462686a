package io.rivulet.internal.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A service instance's id, kept in its state directory. Transactional ids derive from it, so an instance
 * restarted on the same state directory fences its own crashed predecessor at once instead of leaving its
 * open transaction to block {@code read_committed} readers until the transaction timeout.
 */
public final class ProcessIdentity {

    private ProcessIdentity() {}

    public static String loadOrCreate(Path applicationStateDir) {
        Path file = applicationStateDir.resolve("process-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(applicationStateDir);
            String id = UUID.randomUUID().toString();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read or write the process id in " + applicationStateDir
                            + " (rivulet.state-dir must be a writable directory)",
                    e);
        }
    }
}
