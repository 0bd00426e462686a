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

    private WatermarkStrategy(WatermarkGeneratorSupplier<T> generators, TimestampAssigner<T> timestampAssigner,
            Duration idleTimeout) {
        this.generators = generators;
        this.timestampAssigner = timestampAssigner;
        this.idleTimeout = idleTimeout;
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

    /** No watermarks: event time never advances (processing-time jobs). */
    public static <T> WatermarkStrategy<T> noWatermarks() {
        return forGenerator(() -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        });
    }

    /** A custom generator, punctuated or periodic. */
    public static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generators) {
        return new WatermarkStrategy<>(Objects.requireNonNull(generators, "generators"), (element, ts) -> ts, null);
    }

    /** Takes event time from the elements instead of the Kafka record timestamp. */
    public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        return new WatermarkStrategy<>(generators, Objects.requireNonNull(assigner, "assigner"), idleTimeout);
    }

    /** Marks a partition idle after {@code timeout} without elements, so that it does not hold event time back. */
    public WatermarkStrategy<T> withIdleness(Duration timeout) {
        return new WatermarkStrategy<>(generators, timestampAssigner, Objects.requireNonNull(timeout, "timeout"));
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
