package io.rivulet.samples.fraud;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedBroadcastProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;

/**
 * Per account: a small charge sets a flag (value state: its time) and an event-time timer that clears it once
 * the window has passed; the next charge raises an alert if it is large and within the window, and clears
 * the flag either way (a small one sets it anew). The thresholds come from the broadcast rules: the latest
 * rules seen by the task, or the defaults.
 */
public class FraudDetector
        extends KeyedBroadcastProcessFunction<String, Transaction, FraudRules, KeyValue<String, FraudAlert>> {

    public static final MapStateDescriptor<String, FraudRules> RULES =
            new MapStateDescriptor<>("rules", Serdes.string(), FraudRules.SERDE);
    private static final long serialVersionUID = 1L;
    private static final String CURRENT = "current";

    private transient ValueState<Long> smallChargeTs;
    private transient ValueState<Long> clearAt;

    @Override
    public void open(RuntimeContext context) {
        smallChargeTs = context.getState(new ValueStateDescriptor<>("small-charge-ts", Serdes.longs()));
        clearAt = context.getState(new ValueStateDescriptor<>("clear-at", Serdes.longs()));
    }

    @Override
    public void processElement(Transaction charge, ReadOnlyContext ctx, Collector<KeyValue<String, FraudAlert>> out) {
        FraudRules rules = ctx.getBroadcastState(RULES).get(CURRENT);
        if (rules == null) {
            rules = FraudRules.DEFAULT;
        }
        Long small = smallChargeTs.value();
        if (small != null && charge.amount().compareTo(rules.large()) > 0 && charge.ts() - small <= rules.windowMs()) {
            out.collect(KeyValue.of(
                    charge.account(), new FraudAlert(charge.account(), small, charge.ts(), charge.amount())));
        }
        clearFlag(ctx);
        if (charge.amount().compareTo(rules.small()) < 0) {
            smallChargeTs.update(charge.ts());
            long timer = charge.ts() + rules.windowMs();
            ctx.timerService().registerEventTimeTimer(timer);
            clearAt.update(timer);
        }
    }

    private void clearFlag(ReadOnlyContext ctx) {
        Long timer = clearAt.value();
        if (timer != null) {
            ctx.timerService().deleteEventTimeTimer(timer);
        }
        smallChargeTs.clear();
        clearAt.clear();
    }

    @Override
    public void processBroadcastElement(FraudRules rules, Context ctx, Collector<KeyValue<String, FraudAlert>> out) {
        ctx.getBroadcastState(RULES).put(CURRENT, rules);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<KeyValue<String, FraudAlert>> out) {
        smallChargeTs.clear();
        clearAt.clear();
    }
}
