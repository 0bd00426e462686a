package io.rivulet.state;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@link RocksDbCrashRecoveryTest}: restores changelog records, commits a logged write
 * after them, and halts without closing anything, as a SIGKILL would leave the store.
 */
public final class CrashingStoreWriter {

    static final int RESTORED = 2_000;

    private CrashingStoreWriter() {}

    public static void main(String[] args) {
        TaskStateStore store = new RocksDbStateBackend(Path.of(args[0])).open("1_0");
        List<StateWrite> restored = new ArrayList<>();
        for (int i = 0; i < RESTORED; i++) {
            restored.add(new StateWrite("s", bytes("restored-" + i), bytes("v" + i)));
        }
        store.restore("changelog-0", restored, RESTORED);
        store.put("s", bytes("committed"), bytes("after-restore"));
        store.commit(Map.of("changelog-0", RESTORED + 1L));
        Runtime.getRuntime().halt(0);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
