package io.rivulet.api.eventtime;

import java.io.Serializable;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * How a source's elements get their event time and how event time advances, as in Flink: a timestamp
 * assigner (default: the Kafka record timestamp) and a watermark generator per input partition, optionally
 * with idleness detection. Immutable: the {@code with…} methods return new strategies.
 */
public final class WatermarkStrategy<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final WatermarkGeneratorSupplier<T> generators;
    private final TimestampAssigner<T> timestampAssigner;
    private final Duration idleTimeout;
    private final boolean ingestionTime;

    private WatermarkStrategy(
            WatermarkGeneratorSupplier<T> generators,
            TimestampAssigner<T> timestampAssigner,
            Duration idleTimeout,
            boolean ingestionTime) {
        this.generators = generators;
        this.timestampAssigner = timestampAssigner;
        this.idleTimeout = idleTimeout;
        this.ingestionTime = ingestionTime;
    }

    /** Watermarks trail the highest timestamp seen by {@code maxOutOfOrderness} (plus one millisecond). */
    public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        return forGenerator(() -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness));
    }

    /** For inputs whose timestamps never decrease per partition: the watermark is the highest timestamp - 1. */
    public static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return forGenerator(() -> new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO));
    }

    /**
     * Ingestion time: each element's event time is the processing-time clock of the task that reads it, and
     * the watermark follows that clock, so event-time windows behave like processing-time windows that are
     * checkpointed with their input.
     */
    public static <T> WatermarkStrategy<T> forIngestionTime() {
        return new WatermarkStrategy<T>(
                () -> new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO), (element, ts) -> ts, null, true);
    }

    /** No watermarks: event time never advances (processing-time jobs). */
    public static <T> WatermarkStrategy<T> noWatermarks() {
        return forGenerator(() -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {}
        });
    }

    /** A custom generator, punctuated or periodic. */
    public static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generators) {
        return new WatermarkStrategy<>(
                Objects.requireNonNull(generators, "generators"), (element, ts) -> ts, null, false);
    }

    /** Takes event time from the elements instead of the Kafka record timestamp. */
    public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        if (ingestionTime) {
            throw new IllegalStateException(
                    "ingestion time takes event time from the clock, not from a timestamp assigner");
        }
        return new WatermarkStrategy<>(generators, Objects.requireNonNull(assigner, "assigner"), idleTimeout, false);
    }

    /** Marks a partition idle after {@code timeout} without elements, so that it does not hold event time back. */
    public WatermarkStrategy<T> withIdleness(Duration timeout) {
        return new WatermarkStrategy<>(
                generators, timestampAssigner, Objects.requireNonNull(timeout, "timeout"), ingestionTime);
    }

    /** Whether event time is the reading task's processing-time clock ({@link #forIngestionTime()}). */
    public boolean usesIngestionTime() {
        return ingestionTime;
    }

    public TimestampAssigner<T> timestampAssigner() {
        return timestampAssigner;
    }

    /** The generator of one input partition, with idleness detection by {@code clock} if configured. */
    public WatermarkGenerator<T> createGenerator(InstantSource clock) {
        WatermarkGenerator<T> generator = generators.create();
        return idleTimeout == null ? generator : new WatermarksWithIdleness<>(generator, idleTimeout, clock);
    }
}
