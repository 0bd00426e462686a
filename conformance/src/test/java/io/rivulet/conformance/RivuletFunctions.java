package io.rivulet.conformance;

import java.util.ArrayList;
import java.util.List;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.ProcessJoinFunction;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.functions.TimeDomain;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.api.windowing.evictors.DeltaFunction;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.api.windowing.windows.Window;

/** The twins of {@link FlinkFunctions} on Rivulet's API: the same logic, the same output text. */
final class RivuletFunctions {

    private RivuletFunctions() {}

    static final ReduceFunction<String> SUM = (a, b) -> Elements.key(a) + ":" + (Elements.value(a) + Elements.value(b));

    static final DeltaFunction<String> DELTA =
            (older, newer) -> Math.abs(Elements.value(newer) - Elements.value(older));

    static String window(Window window) {
        return window instanceof TimeWindow time ? "[" + time.getStart() + "," + time.getEnd() + ")" : "global";
    }

    static final class Describe<W extends Window> extends ProcessWindowFunction<String, String, String, W> {
        private static final long serialVersionUID = 1L;
        private final boolean merging;

        /**
         * @param merging whether the windows merge: then there is no per-window state (neither side allows it) and
         *     the elements are sorted, because Flink's order after a merge follows the hash order of its windows
         */
        Describe(boolean merging) {
            this.merging = merging;
        }

        @Override
        public void process(String key, Context context, Iterable<String> elements, Collector<String> out) {
            if (merging) {
                List<String> sorted = new ArrayList<>();
                elements.forEach(sorted::add);
                sorted.sort(null);
                out.collect(key + " " + window(context.window()) + " " + String.join(",", sorted) + " wm="
                        + context.currentWatermark());
                return;
            }
            ValueState<Integer> fires =
                    context.windowState().getState(new ValueStateDescriptor<>("fires", Serdes.integers()));
            int fired = fires.value() == null ? 1 : fires.value() + 1;
            fires.update(fired);
            out.collect(key + " " + window(context.window()) + " " + String.join(",", elements) + " #" + fired + " wm="
                    + context.currentWatermark());
        }

        @Override
        public void clear(Context context) {
            if (merging) {
                return;
            }
            context.windowState()
                    .getState(new ValueStateDescriptor<>("fires", Serdes.integers()))
                    .clear();
        }
    }

    static final class Timers extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Integer> seen;

        @Override
        public void open(RuntimeContext context) {
            seen = context.getState(new ValueStateDescriptor<>("seen", Serdes.integers()));
        }

        @Override
        public void processElement(String element, Context ctx, Collector<String> out) {
            int count = seen.value() == null ? 1 : seen.value() + 1;
            seen.update(count);
            int value = Elements.value(element);
            long timestamp = ctx.timestamp();
            ctx.timerService().registerEventTimeTimer(timestamp + value % 4);
            if (value % 2 == 0) {
                ctx.timerService()
                        .registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + value);
            }
            if (value == 3) {
                ctx.timerService().deleteEventTimeTimer(timestamp + 1);
                ctx.timerService().deleteProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 4);
            }
            out.collect("element " + element + " ts=" + timestamp + " #" + count + " wm="
                    + ctx.timerService().currentWatermark() + " now="
                    + ctx.timerService().currentProcessingTime());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            long watermark = ctx.timerService().currentWatermark();
            if (ctx.timeDomain() == TimeDomain.EVENT_TIME && timestamp % 3 == 0 && timestamp < watermark) {
                // Registered in a callback at the watermark: it fires in the same round of timers.
                ctx.timerService().registerEventTimeTimer(watermark);
            } else if (timestamp % 3 == 1) {
                ctx.timerService().registerEventTimeTimer(timestamp + 2);
            }
            String report = "timer " + ctx.getCurrentKey() + " " + ctx.timeDomain() + " " + timestamp + " #"
                    + seen.value() + " wm=" + ctx.timerService().currentWatermark() + " now="
                    + ctx.timerService().currentProcessingTime();
            if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
                out.collect(report);
            } else {
                // Flink emits these without a timestamp, Rivulet with the timer's: compared without timestamps.
                ctx.output(new OutputTag<String>(PROCESSING_TIMERS), report);
            }
        }
    }

    static final String PROCESSING_TIMERS = FlinkFunctions.PROCESSING_TIMERS;

    static final class Pairs extends ProcessJoinFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String left, String right, Context ctx, Collector<String> out) {
            out.collect(left + "@" + ctx.getLeftTimestamp() + "+" + right + "@" + ctx.getRightTimestamp() + " ts="
                    + ctx.getTimestamp());
        }
    }
}
