package io.rivulet.conformance;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Keyed process functions with timers of both domains: registration from elements and from timers (also behind
 * the watermark), deletion, deduplication, firing order and timestamps, and what {@code currentWatermark} and the
 * clock say inside callbacks.
 */
class KeyedProcessFunctionConformanceTest {

    @Test
    void eventAndProcessingTimeTimers() {
        Differential.check(
                "keyed process function, timers",
                ScriptGenerator.oneInput().withProcessingTime(),
                FlinkSide.oneInput(
                        keyed -> keyed.process(new FlinkFunctions.Timers()), List.of(FlinkFunctions.PROCESSING_TIMERS)),
                RivuletSide.oneInput(
                        keyed -> keyed.process(new RivuletFunctions.Timers()),
                        List.of(FlinkFunctions.PROCESSING_TIMERS)));
    }
}
