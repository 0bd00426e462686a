package io.rivulet.internal.runtime.node;

import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.ProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.state.AggregatingState;
import io.rivulet.api.state.AggregatingStateDescriptor;
import io.rivulet.api.state.ListState;
import io.rivulet.api.state.ListStateDescriptor;
import io.rivulet.api.state.MapState;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.OperatorStateStore;
import io.rivulet.api.state.ReducingState;
import io.rivulet.api.state.ReducingStateDescriptor;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.internal.operators.OperatorServices;
import io.rivulet.internal.operators.SortedMapState;
import io.rivulet.internal.operators.UsesOperatorServices;
import io.rivulet.internal.runtime.state.TaskServices;

/**
 * Runs a {@link ProcessFunction} on a stream that is not keyed: side outputs, no keyed state, no timers; with a
 * uid, operator state and broadcast state.
 */
public final class ProcessFunctionNode extends ProcessorNode {

    private final ProcessFunction<Object, Object> function;
    private final TaskServices services;
    private final ProcessFunction<Object, Object>.Context functionContext;
    private final RecordCollector collector = new RecordCollector();
    private final String uid;

    /** @param uid the operator's uid, or null: with one it has operator state (and broadcast state) */
    public ProcessFunctionNode(
            String name, String uid, ProcessFunction<Object, Object> function, TaskServices services) {
        super(name);
        this.uid = uid;
        this.function = function;
        this.services = services;
        this.functionContext = function.new Context() {
            @Override
            public long timestamp() {
                return collector.current().timestamp();
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                forwardSideUnchecked(tag, collector.current().withValue(value));
            }
        };
    }

    @Override
    public void open() throws Exception {
        if (uid == null) {
            function.open(new NoKeyedState(name(), services));
            return;
        }
        OperatorRuntimeContext runtimeContext = new OperatorRuntimeContext(uid, services, new KeyContext());
        if (function instanceof UsesOperatorServices internal) {
            internal.setOperatorServices(new OperatorServices() {
                @Override
                public <K, V> SortedMapState<K, V> getSortedMapState(MapStateDescriptor<K, V> descriptor) {
                    throw new UnsupportedOperationException(
                            "keyed state is not available on a stream that is not keyed");
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
            });
        }
        function.open(runtimeContext);
    }

    @Override
    public void process(StreamRecord record) throws Exception {
        collector.current(record);
        function.processElement(record.value(), functionContext, collector);
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    /** The runtime context of a function on a stream that is not keyed: asking for keyed state is an error. */
    private record NoKeyedState(String operator, TaskServices services) implements RuntimeContext {

        private <S> S refuse(String state) {
            throw new UnsupportedOperationException(
                    state + " is not available on a stream that is not keyed: call keyBy before " + operator
                            + " for keyed state");
        }

        @Override
        public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
            return refuse("keyed state " + descriptor.name());
        }

        @Override
        public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
            return refuse("keyed state " + descriptor.name());
        }

        @Override
        public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
            return refuse("keyed state " + descriptor.name());
        }

        @Override
        public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
            return refuse("keyed state " + descriptor.name());
        }

        @Override
        public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
                AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
            return refuse("keyed state " + descriptor.name());
        }

        @Override
        public OperatorStateStore getOperatorStateStore() {
            return refuse("operator state: give " + operator + " a uid(...)");
        }

        @Override
        public String operatorUid() {
            return operator;
        }

        @Override
        public String taskId() {
            return services.taskId().toString();
        }
    }
}
