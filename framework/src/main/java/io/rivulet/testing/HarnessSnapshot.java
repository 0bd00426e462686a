package io.rivulet.testing;

import java.util.Map;
import java.util.NavigableMap;

/**
 * The committed state and the watermark of a harness's operators at one point: restore it into a new harness
 * of the same operators (or of a changed version with the same uids and state names) to test recovery and
 * upgrades, as with Flink's operator snapshots.
 */
public final class HarnessSnapshot {

    private final Map<String, NavigableMap<byte[], byte[]>> states;
    private final long watermark;

    HarnessSnapshot(Map<String, NavigableMap<byte[], byte[]>> states, long watermark) {
        this.states = states;
        this.watermark = watermark;
    }

    Map<String, NavigableMap<byte[], byte[]>> states() {
        return states;
    }

    long watermark() {
        return watermark;
    }
}
