package io.rivulet.samples.sensors;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;

/**
 * A sensor is silent when {@link #SILENCE} of event time passes after its latest reading without another: an
 * event-time timer at the latest reading plus the silence reports it. A reading that arrives after the
 * silence but before the watermark got there reports it too, so the result does not depend on timing.
 */
public class SilenceDetector extends KeyedProcessFunction<String, Reading, KeyValue<String, SensorOutputs.Silent>> {

    public static final long SILENCE = 5 * 60_000;
    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> latest;

    @Override
    public void open(RuntimeContext context) {
        latest = context.getState(new ValueStateDescriptor<>("latest-reading-ts", Serdes.longs()));
    }

    @Override
    public void processElement(Reading reading, Context ctx, Collector<KeyValue<String, SensorOutputs.Silent>> out) {
        Long last = latest.value();
        if (last != null && reading.ts() <= last) {
            return;
        }
        if (last != null) {
            ctx.timerService().deleteEventTimeTimer(last + SILENCE);
            if (reading.ts() >= last + SILENCE) {
                out.collect(KeyValue.of(reading.sensor(), new SensorOutputs.Silent(reading.sensor(), last)));
            }
        }
        latest.update(reading.ts());
        ctx.timerService().registerEventTimeTimer(reading.ts() + SILENCE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<KeyValue<String, SensorOutputs.Silent>> out) {
        String sensor = ctx.getCurrentKey();
        out.collect(KeyValue.of(sensor, new SensorOutputs.Silent(sensor, timestamp - SILENCE)));
        latest.clear();
    }
}
