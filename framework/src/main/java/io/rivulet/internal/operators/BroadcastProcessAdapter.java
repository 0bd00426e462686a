package io.rivulet.internal.operators;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.rivulet.api.functions.BroadcastProcessFunction;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.ProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.state.BroadcastState;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ReadOnlyBroadcastState;

/**
 * Runs a {@link BroadcastProcessFunction} over the union of its input (forwarded partition by partition) and
 * its broadcast input (written to every partition).
 */
public final class BroadcastProcessAdapter extends ProcessFunction<TwoInputElement, Object>
        implements UsesOperatorServices {

    private static final long serialVersionUID = 1L;

    private final BroadcastProcessFunction<Object, Object, Object> function;
    private final Set<String> broadcastStates;
    private transient OperatorServices services;
    private transient Map<String, StoredBroadcastState<?, ?>> opened;
    private transient Context current;
    private transient BroadcastProcessFunction<Object, Object, Object>.ReadOnlyContext readOnlyContext;
    private transient BroadcastProcessFunction<Object, Object, Object>.Context broadcastContext;

    /** @param broadcastStates the names of the broadcast states declared with {@code broadcast(...)} */
    public BroadcastProcessAdapter(
            BroadcastProcessFunction<Object, Object, Object> function, Set<String> broadcastStates) {
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
        readOnlyContext = function.new ReadOnlyContext() {
            @Override
            public long timestamp() {
                return current.timestamp();
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                current.output(tag, value);
            }

            @Override
            public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
                return state(descriptor);
            }
        };
        broadcastContext = function.new Context() {
            @Override
            public long timestamp() {
                return current.timestamp();
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                current.output(tag, value);
            }

            @Override
            public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
                return state(descriptor);
            }
        };
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
        if (element.isFirst()) {
            function.processElement(element.value(), readOnlyContext, out);
        } else {
            function.processBroadcastElement(element.value(), broadcastContext, out);
        }
    }

    @Override
    public void close() throws Exception {
        function.close();
    }
}
