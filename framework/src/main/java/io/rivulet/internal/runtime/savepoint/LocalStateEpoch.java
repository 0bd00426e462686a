package io.rivulet.internal.runtime.savepoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties an instance's local state to the application's latest restore. A restore replaces every changelog, so
 * local stores from before it mirror changelogs that no longer exist — even where their offsets would still
 * look plausible on the new ones. The state directory remembers which restore it belongs to, and local task
 * state of an older one is deleted before any task opens, to be restored from the new changelogs.
 */
public final class LocalStateEpoch {

    /** Where savepoints are assembled from the changelogs before they reach their target directory. */
    public static final String SCRATCH_DIR = "savepoint-scratch";

    private static final Logger LOG = LoggerFactory.getLogger(LocalStateEpoch.class);
    private static final String FILE = "restore-epoch";

    private LocalStateEpoch() {}

    /** @param latestRestore the application's latest restore ({@link SavepointControl#latestRestore}), or -1 */
    public static void align(Path applicationDir, long latestRestore) {
        try {
            Files.createDirectories(applicationDir);
            ChangelogExport.deleteRecursively(applicationDir.resolve(SCRATCH_DIR));
            if (latestRestore < 0) {
                return;
            }
            Path file = applicationDir.resolve(FILE);
            String epoch = Long.toString(latestRestore);
            if (Files.exists(file)
                    && Files.readString(file, StandardCharsets.UTF_8).trim().equals(epoch)) {
                return;
            }
            List<Path> taskDirs;
            try (Stream<Path> children = Files.list(applicationDir)) {
                taskDirs = children.filter(Files::isDirectory)
                        .filter(dir -> dir.getFileName().toString().matches("\\d+_\\d+"))
                        .toList();
            }
            for (Path dir : taskDirs) {
                ChangelogExport.deleteRecursively(dir);
            }
            if (!taskDirs.isEmpty()) {
                LOG.info(
                        "Deleted the local state of {} task(s) in {}: it predates the application's restore from a"
                                + " savepoint",
                        taskDirs.size(),
                        applicationDir);
            }
            Files.writeString(file, epoch, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot align the local state in " + applicationDir + " with the restore", e);
        }
    }
}
