package io.rivulet.api.eventtime;

import java.io.Serializable;

/** Creates the watermark generator of one input partition. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
    WatermarkGenerator<T> create();
}
