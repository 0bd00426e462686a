package io.rivulet.internal.runtime.node;

import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.TimeDomain;
import io.rivulet.api.functions.TimerService;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.MapState;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.internal.operators.OperatorServices;
import io.rivulet.internal.operators.SortedMapState;
import io.rivulet.internal.operators.UsesOperatorServices;
import io.rivulet.internal.runtime.state.TaskServices;
import io.rivulet.internal.runtime.time.InternalTimer;
import io.rivulet.internal.runtime.time.OperatorTimers;

/**
 * Runs a user's {@link KeyedProcessFunction} with keyed state scoped to the key of the element (or timer) at
 * hand, its timers, and side outputs. What the function emits carries the element's timestamp, or the timer's.
 */
public final class KeyedProcessNode extends ProcessorNode {

    private final KeyedProcessFunction<Object, Object, Object> function;
    private final String uid;
    private final TaskServices services;
    private final Serde<Object> keySerde;
    private final KeyContext key = new KeyContext();
    private final OperatorTimers timers;
    private final TimerService timerService;
    private final FunctionContext functionContext;
    private final RecordCollector collector = new RecordCollector();
    private OperatorRuntimeContext runtimeContext;

    public KeyedProcessNode(
            String name,
            String uid,
            KeyedProcessFunction<Object, Object, Object> function,
            Serde<Object> keySerde,
            TaskServices services) {
        super(name);
        this.function = function;
        this.uid = uid;
        this.services = services;
        this.keySerde = keySerde;
        this.timers = new OperatorTimers(uid, services);
        this.timerService = new KeyedTimerService(services, timers, key);
        this.functionContext = new FunctionContext();
    }

    @Override
    public void open() throws Exception {
        runtimeContext = new OperatorRuntimeContext(uid, services, key);
        if (function instanceof UsesOperatorServices internal) {
            internal.setOperatorServices(new Services());
        }
        function.open(runtimeContext);
    }

    @Override
    public void process(StreamRecord record) throws Exception {
        collector.current(record);
        key.set(record.key(), record.keyBytes());
        functionContext.domain = null;
        function.processElement(record.value(), functionContext, collector);
    }

    @Override
    public void onWatermark(long watermark) throws Exception {
        InternalTimer timer;
        while ((timer = timers.nextEventTimer(watermark)) != null) {
            onTimer(timer, TimeDomain.EVENT_TIME);
        }
    }

    @Override
    public void onProcessingTime(long time) throws Exception {
        InternalTimer timer;
        while ((timer = timers.processing().pollDue(time)) != null) {
            onTimer(timer, TimeDomain.PROCESSING_TIME);
        }
    }

    private void onTimer(InternalTimer timer, TimeDomain domain) throws Exception {
        Object timerKey = keySerde.deserialize(timer.key());
        collector.current(new StreamRecord(null, timer.timestamp(), timerKey, timer.key()));
        key.set(timerKey, timer.key());
        functionContext.domain = domain;
        function.onTimer(timer.timestamp(), functionContext, collector);
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    private final class FunctionContext extends KeyedProcessFunction<Object, Object, Object>.OnTimerContext {

        private TimeDomain domain;

        FunctionContext() {
            function.super();
        }

        @Override
        public long timestamp() {
            return collector.current().timestamp();
        }

        @Override
        public Object getCurrentKey() {
            return key.key();
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            forwardSideUnchecked(tag, collector.current().withValue(value));
        }

        @Override
        public TimeDomain timeDomain() {
            if (domain == null) {
                throw new IllegalStateException("the time domain is only known in onTimer");
            }
            return domain;
        }
    }

    private final class Services implements OperatorServices {

        @Override
        public <K, V> SortedMapState<K, V> getSortedMapState(MapStateDescriptor<K, V> descriptor) {
            return runtimeContext.getSortedMapState(descriptor);
        }

        @Override
        public <K, V> MapState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
            return runtimeContext.getBroadcastState(descriptor);
        }

        @Override
        public void collectWithTimestamp(Object value, long timestamp) {
            forwardUnchecked(collector.current().withValue(value, timestamp));
        }

        @Override
        public void lateRecord() {
            services.lateRecords().add(uid);
        }
    }
}
