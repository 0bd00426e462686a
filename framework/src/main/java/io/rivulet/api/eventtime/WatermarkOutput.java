package io.rivulet.api.eventtime;

/** Where a {@link WatermarkGenerator} reports progress of event time on its input partition. */
public interface WatermarkOutput {

    /**
     * Declares that no more elements with a timestamp {@code <= watermark} are expected. A watermark lower
     * than one emitted before is ignored: watermarks only advance.
     */
    void emitWatermark(long watermark);

    /** Declares the input idle: it no longer holds back the task's watermark until it emits again. */
    void markIdle();

    /** Declares the input active again, as does emitting a watermark. */
    void markActive();
}
