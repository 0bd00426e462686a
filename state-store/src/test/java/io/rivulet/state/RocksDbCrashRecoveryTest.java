package io.rivulet.state;

import static io.rivulet.state.CrashingStoreWriter.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restored records skip RocksDB's write-ahead log; a crash after a later, logged commit must not keep that
 * commit and its offset without them. The writer runs in a child JVM that halts without closing the store.
 */
class RocksDbCrashRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void aCommitAfterARestoreKeepsTheRestoredRecordsThroughACrash() throws Exception {
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashingStoreWriter.class.getName(),
                        dir.toString()))
                .inheritIO()
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the writer halted").isTrue();
        assertThat(child.exitValue()).isZero();

        try (StateBackend backend = new RocksDbStateBackend(dir);
                TaskStateStore store = backend.open("1_0")) {
            assertThat(store.committedOffsets()).isEqualTo(Map.of("changelog-0", CrashingStoreWriter.RESTORED + 1L));
            assertThat(store.get("s", bytes("committed"))).isEqualTo(bytes("after-restore"));
            for (int i = 0; i < CrashingStoreWriter.RESTORED; i++) {
                assertThat(store.get("s", bytes("restored-" + i)))
                        .as("restored-" + i)
                        .isEqualTo(bytes("v" + i));
            }
        }
    }
}
