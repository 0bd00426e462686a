package io.rivulet.internal.runtime.time;

import java.util.Arrays;

/**
 * Combines the watermarks of a task's inputs (its partitions, or the upstream tasks of a repartition topic)
 * as Flink's watermark valve does: the task's watermark is the minimum over the inputs that are active and
 * aligned, and it never goes back. An input returning from idleness rejoins the minimum only once its own
 * watermark has caught up with the task's, so that it cannot pull event time backwards.
 */
public final class WatermarkTracker {

    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] aligned;
    private long current = Long.MIN_VALUE;

    public WatermarkTracker(int inputs) {
        watermarks = new long[inputs];
        idle = new boolean[inputs];
        aligned = new boolean[inputs];
        Arrays.fill(watermarks, Long.MIN_VALUE);
        Arrays.fill(aligned, true);
    }

    /**
     * Records an input's watermark; an idle input becomes active by it. Returns whether the task's watermark
     * advanced. As in Flink's valve, only a watermark higher than the input's last one is looked at: one that is
     * not changes nothing, even where an input's going idle meanwhile would let the minimum rise.
     */
    public boolean update(int input, long watermark) {
        markActive(input);
        if (watermark <= watermarks[input]) {
            return false;
        }
        watermarks[input] = watermark;
        if (!aligned[input] && watermark >= current) {
            aligned[input] = true;
        }
        return recompute();
    }

    /**
     * Takes an idle input out of the minimum; returns whether the task's watermark advanced by it. When the last
     * active input goes idle, event time moves to the highest watermark any input reached, so that what those
     * inputs completed still fires — as in Flink 2.3's valve, only if that last input's watermark is the task's
     * watermark. (Later Flink versions flush whatever the last input's watermark.)
     */
    public boolean markIdle(int input) {
        if (idle[input]) {
            // As in Flink's valve: an input that is idle already changes nothing by saying so again.
            return false;
        }
        idle[input] = true;
        if (!allIdle()) {
            // As in Flink's valve, only an input that held the minimum can let it rise by going idle.
            return watermarks[input] == current && recompute();
        }
        if (watermarks[input] != current) {
            return false;
        }
        long highest = Long.MIN_VALUE;
        for (long watermark : watermarks) {
            highest = Math.max(highest, watermark);
        }
        return advanceTo(highest);
    }

    /** An input is active again but holds no newer watermark: it waits to be aligned. */
    public void markActive(int input) {
        if (idle[input]) {
            idle[input] = false;
            aligned[input] = watermarks[input] >= current;
        }
    }

    public long current() {
        return current;
    }

    /**
     * The tracker's state as committed with the input offsets ({@code wm1:<current>:<input watermarks>}), so
     * that a restarted or moved task resumes from its committed watermark.
     */
    public String encode() {
        StringBuilder out = new StringBuilder("wm1:").append(current).append(':');
        for (int i = 0; i < watermarks.length; i++) {
            out.append(i == 0 ? "" : ",").append(watermarks[i]);
        }
        return out.toString();
    }

    /**
     * Resumes from committed state. Anything else (no metadata, another format, another number of inputs
     * after a partition change) leaves the tracker at its start, which is safe: a watermark only lags.
     */
    public void restore(String encoded) {
        if (encoded == null || !encoded.startsWith("wm1:")) {
            return;
        }
        String[] parts = encoded.split(":", 3);
        String[] inputs = parts[2].split(",");
        if (inputs.length != watermarks.length) {
            return;
        }
        for (int i = 0; i < inputs.length; i++) {
            watermarks[i] = Long.parseLong(inputs[i]);
        }
        current = Long.parseLong(parts[1]);
    }

    /** Whether every input is idle: downstream may treat the task as idle too. */
    public boolean allIdle() {
        for (boolean inputIdle : idle) {
            if (!inputIdle) {
                return false;
            }
        }
        return true;
    }

    private boolean recompute() {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (!idle[i] && aligned[i]) {
                min = Math.min(min, watermarks[i]);
                any = true;
            }
        }
        return any && advanceTo(min);
    }

    private boolean advanceTo(long watermark) {
        if (watermark > current) {
            current = watermark;
            return true;
        }
        return false;
    }
}
