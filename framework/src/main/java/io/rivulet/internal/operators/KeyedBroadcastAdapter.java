package io.rivulet.internal.operators;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedBroadcastProcessFunction;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.functions.TimeDomain;
import io.rivulet.api.functions.TimerService;
import io.rivulet.api.state.BroadcastState;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ReadOnlyBroadcastState;

/**
 * Runs a {@link KeyedBroadcastProcessFunction} as the keyed process function of the union of its keyed input
 * and its broadcast input (written to every partition, so every task sees every broadcast element).
 */
public final class KeyedBroadcastAdapter extends KeyedProcessFunction<Object, TwoInputElement, Object>
        implements UsesOperatorServices {

    private static final long serialVersionUID = 1L;

    private final KeyedBroadcastProcessFunction<Object, Object, Object, Object> function;
    private final Set<String> broadcastStates;
    private transient OperatorServices services;
    private transient Map<String, StoredBroadcastState<?, ?>> opened;
    private transient Context current;
    /** The timer being fired, or null while an element is processed. */
    private transient OnTimerContext timer;

    private transient KeyedContext keyedContext;
    private transient BroadcastContext broadcastContext;

    /** @param broadcastStates the names of the broadcast states declared with {@code broadcast(...)} */
    public KeyedBroadcastAdapter(
            KeyedBroadcastProcessFunction<Object, Object, Object, Object> function, Set<String> broadcastStates) {
        this.function = function;
        this.broadcastStates = Set.copyOf(broadcastStates);
    }

    @Override
    public void setOperatorServices(OperatorServices operatorServices) {
        this.services = operatorServices;
    }

    @Override
    public void open(RuntimeContext runtimeContext) throws Exception {
        opened = new HashMap<>();
        keyedContext = new KeyedContext();
        broadcastContext = new BroadcastContext();
        function.open(runtimeContext);
    }

    @SuppressWarnings("unchecked")
    private <K, V> StoredBroadcastState<K, V> state(MapStateDescriptor<K, V> descriptor) {
        if (!broadcastStates.contains(descriptor.name())) {
            throw new IllegalArgumentException(
                    "broadcast state '" + descriptor.name() + "' was not declared: pass its descriptor"
                            + " to broadcast(serde, descriptors...) (declared: " + broadcastStates + ")");
        }
        return (StoredBroadcastState<K, V>) opened.computeIfAbsent(
                descriptor.name(), name -> new StoredBroadcastState<>(services.getBroadcastState(descriptor)));
    }

    @Override
    public void processElement(TwoInputElement element, Context ctx, Collector<Object> out) throws Exception {
        current = ctx;
        timer = null;
        if (element.isFirst()) {
            function.processElement(element.value(), keyedContext, out);
        } else {
            function.processBroadcastElement(element.value(), broadcastContext, out);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Object> out) throws Exception {
        current = ctx;
        timer = ctx;
        function.onTimer(timestamp, keyedContext, out);
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    private final class BroadcastContext extends KeyedBroadcastProcessFunction<Object, Object, Object, Object>.Context {

        BroadcastContext() {
            function.super();
        }

        @Override
        public long timestamp() {
            return current.timestamp();
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            current.output(tag, value);
        }

        @Override
        public long currentWatermark() {
            return current.timerService().currentWatermark();
        }

        @Override
        public long currentProcessingTime() {
            return current.timerService().currentProcessingTime();
        }

        @Override
        public <KS, VS> BroadcastState<KS, VS> getBroadcastState(MapStateDescriptor<KS, VS> descriptor) {
            return state(descriptor);
        }
    }

    private final class KeyedContext
            extends KeyedBroadcastProcessFunction<Object, Object, Object, Object>.OnTimerContext {

        KeyedContext() {
            function.super();
        }

        @Override
        public long timestamp() {
            return current.timestamp();
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            current.output(tag, value);
        }

        @Override
        public long currentWatermark() {
            return current.timerService().currentWatermark();
        }

        @Override
        public long currentProcessingTime() {
            return current.timerService().currentProcessingTime();
        }

        @Override
        public <KS, VS> ReadOnlyBroadcastState<KS, VS> getBroadcastState(MapStateDescriptor<KS, VS> descriptor) {
            return state(descriptor);
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
        public TimeDomain timeDomain() {
            if (timer == null) {
                throw new IllegalStateException("the time domain is only known in onTimer");
            }
            return timer.timeDomain();
        }
    }
}
