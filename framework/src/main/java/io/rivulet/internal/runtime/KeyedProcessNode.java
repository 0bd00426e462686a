package io.rivulet.internal.runtime;

import io.rivulet.api.OutputTag;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.TimeDomain;
import io.rivulet.api.functions.TimerService;
import io.rivulet.api.serde.Serde;
import io.rivulet.internal.operators.OutputTimestamp;

/**
 * Runs a user's {@link KeyedProcessFunction} with keyed state scoped to the context's current key, its
 * timers, and side outputs.
 */
final class KeyedProcessNode extends ProcessorNode {

    private final KeyedProcessFunction<Object, Object, Object> function;
    private final String uid;
    private final TaskContext context;
    private final Serde<Object> keySerde;
    private final OperatorTimers timers;
    private final TimerService timerService;
    private final FunctionContext functionContext;
    private final Collector<Object> collector;
    private OperatorRuntimeContext runtimeContext;

    KeyedProcessNode(String name, String uid, KeyedProcessFunction<Object, Object, Object> function, Serde<Object> keySerde,
            TaskContext context) {
        super(name);
        this.function = function;
        this.uid = uid;
        this.context = context;
        this.keySerde = keySerde;
        this.timers = new OperatorTimers(uid, context);
        this.timerService = new KeyedTimerService(context, timers);
        this.functionContext = new FunctionContext();
        this.collector = this::forwardUnchecked;
    }

    @Override
    void open() throws Exception {
        runtimeContext = new OperatorRuntimeContext(uid, context);
        function.open(runtimeContext);
    }

    @Override
    void process(Object element) throws Exception {
        functionContext.domain = null;
        function.processElement(element, functionContext, collector);
    }

    @Override
    void onWatermark(long watermark) throws Exception {
        InternalTimer timer;
        while ((timer = timers.nextEventTimer(watermark)) != null) {
            onTimer(timer, TimeDomain.EVENT_TIME);
        }
    }

    @Override
    void onProcessingTime(long time) throws Exception {
        InternalTimer timer;
        while ((timer = timers.processing().pollDue(time)) != null) {
            onTimer(timer, TimeDomain.PROCESSING_TIME);
        }
        runtimeContext.keyedState().sweepExpired(time);
    }

    private void onTimer(InternalTimer timer, TimeDomain domain) throws Exception {
        context.currentKey(keySerde.deserialize(timer.key()), timer.key());
        context.timestamp(timer.timestamp());
        functionContext.domain = domain;
        function.onTimer(timer.timestamp(), functionContext, collector);
    }

    @Override
    void close() throws Exception {
        function.close();
    }

    private final class FunctionContext extends KeyedProcessFunction<Object, Object, Object>.OnTimerContext
            implements OutputTimestamp {

        private TimeDomain domain;

        FunctionContext() {
            function.super();
        }

        @Override
        public long timestamp() {
            return context.timestamp();
        }

        @Override
        public Object getCurrentKey() {
            return context.currentKey();
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            try {
                forwardSide(tag, value);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new DownstreamException(e);
            }
        }

        @Override
        public void setOutputTimestamp(long timestamp) {
            context.timestamp(timestamp);
        }

        @Override
        public TimeDomain timeDomain() {
            if (domain == null) {
                throw new IllegalStateException("the time domain is only known in onTimer");
            }
            return domain;
        }
    }
}
