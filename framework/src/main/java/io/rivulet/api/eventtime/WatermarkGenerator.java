package io.rivulet.api.eventtime;

/**
 * Generates watermarks for one input partition, as in Flink: punctuated generators emit in
 * {@link #onEvent}, periodic ones in {@link #onPeriodicEmit}, which the runtime calls every auto-watermark
 * interval. One instance runs per input partition.
 */
public interface WatermarkGenerator<T> {

    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    void onPeriodicEmit(WatermarkOutput output);
}
