package io.rivulet.state.savepoint;

import java.util.Map;

/**
 * Where one task stood when the savepoint was taken: the next offset to read of each input partition, and its
 * watermark state.
 *
 * @param task the task id, {@code <sub-topology>_<partition>}
 * @param inputOffsets next offset to read per input partition, {@code <topic>-<partition>}
 * @param watermark the task's committed watermark state, in the runtime's own encoding
 */
public record TaskPosition(String task, Map<String, Long> inputOffsets, String watermark) {

    public TaskPosition {
        inputOffsets = Map.copyOf(inputOffsets);
    }
}
