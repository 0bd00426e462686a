package io.rivulet.internal.operators;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedCoProcessFunction;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.functions.TimeDomain;
import io.rivulet.api.functions.TimerService;

/**
 * Runs a {@link KeyedCoProcessFunction} as the keyed process function of the union of its two tagged inputs:
 * one operator, so both inputs share its keyed state and timers.
 */
public final class KeyedCoProcessAdapter extends KeyedProcessFunction<Object, TwoInputElement, Object> {

    private static final long serialVersionUID = 1L;

    private final KeyedCoProcessFunction<Object, Object, Object, Object> function;
    private transient Context current;
    /** The timer being fired, or null while an element is processed. */
    private transient OnTimerContext timer;

    private transient CoContext context;

    public KeyedCoProcessAdapter(KeyedCoProcessFunction<Object, Object, Object, Object> function) {
        this.function = function;
    }

    @Override
    public void open(RuntimeContext runtimeContext) throws Exception {
        context = new CoContext();
        function.open(runtimeContext);
    }

    @Override
    public void processElement(TwoInputElement element, Context ctx, Collector<Object> out) throws Exception {
        current = ctx;
        timer = null;
        if (element.isFirst()) {
            function.processElement1(element.value(), context, out);
        } else {
            function.processElement2(element.value(), context, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Object> out) throws Exception {
        current = ctx;
        timer = ctx;
        function.onTimer(timestamp, context, out);
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    private final class CoContext extends KeyedCoProcessFunction<Object, Object, Object, Object>.OnTimerContext {

        CoContext() {
            function.super();
        }

        @Override
        public long timestamp() {
            return current.timestamp();
        }

        @Override
        public Object getCurrentKey() {
            return current.getCurrentKey();
        }

        @Override
        public TimerService timerService() {
            return current.timerService();
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            current.output(tag, value);
        }

        @Override
        public TimeDomain timeDomain() {
            if (timer == null) {
                throw new IllegalStateException("the time domain is only known in onTimer");
            }
            return timer.timeDomain();
        }
    }
}
