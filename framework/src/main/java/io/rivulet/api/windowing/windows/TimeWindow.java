package io.rivulet.api.windowing.windows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.SerdeException;

/**
 * A window over the time interval {@code [start, end)}: {@code start} inclusive, {@code end} exclusive, so
 * {@link #maxTimestamp()} is {@code end - 1}.
 */
public final class TimeWindow extends Window {

    private static final Serde<TimeWindow> SERDE = new TimeWindowSerde();

    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    /** The first timestamp in the window. */
    public long getStart() {
        return start;
    }

    /** The first timestamp after the window. */
    public long getEnd() {
        return end;
    }

    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** Whether the two windows overlap or touch: {@code [0, 5)} and {@code [5, 10)} intersect. */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** The smallest window that contains both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of length {@code windowSize}, aligned to {@code offset}, that contains
     * {@code timestamp}: {@code timestamp - (timestamp - offset + windowSize) % windowSize} for non-negative
     * timestamps, and correct for negative ones too.
     */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        long remainder = (timestamp - offset) % windowSize;
        return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
    }

    /**
     * Merges overlapping and touching windows, as session windows need: every group of two or more
     * windows whose intervals chain together is reported to {@code callback} with its cover.
     */
    public static void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(TimeWindow::getStart));
        List<TimeWindow> group = new ArrayList<>();
        TimeWindow cover = null;
        for (TimeWindow window : sorted) {
            if (cover != null && cover.intersects(window)) {
                group.add(window);
                cover = cover.cover(window);
                continue;
            }
            if (group.size() > 1) {
                callback.merge(group, cover);
            }
            group = new ArrayList<>();
            group.add(window);
            cover = window;
        }
        if (group.size() > 1) {
            callback.merge(group, cover);
        }
    }

    /** Receives the result of merging windows. */
    @FunctionalInterface
    public interface MergeCallback<W> {

        /** {@code toBeMerged} become the one window {@code mergeResult}. */
        void merge(Collection<W> toBeMerged, W mergeResult);
    }

    /** Encodes a window as 16 bytes, start then end, for state keys. */
    public static Serde<TimeWindow> serde() {
        return SERDE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeWindow w && w.start == start && w.end == end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + Long.hashCode(end);
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + "}";
    }

    private static final class TimeWindowSerde implements Serde<TimeWindow> {

        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(TimeWindow window) {
            return window == null
                    ? null
                    : ByteBuffer.allocate(16)
                            .putLong(window.start)
                            .putLong(window.end)
                            .array();
        }

        @Override
        public TimeWindow deserialize(byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            if (bytes.length != 16) {
                throw new SerdeException("a time window is 16 bytes, got " + bytes.length);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new TimeWindow(buffer.getLong(), buffer.getLong());
        }
    }
}
