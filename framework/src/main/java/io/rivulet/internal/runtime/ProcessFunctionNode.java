package io.rivulet.internal.runtime;

import io.rivulet.api.OutputTag;
import io.rivulet.api.functions.Collector;
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

/** Runs a {@link ProcessFunction} on a stream that is not keyed: side outputs, no keyed state, no timers. */
final class ProcessFunctionNode extends ProcessorNode {

    private final ProcessFunction<Object, Object> function;
    private final TaskContext context;
    private final ProcessFunction<Object, Object>.Context functionContext;
    private final Collector<Object> collector = this::forwardUnchecked;

    private final String uid;

    /** @param uid the operator's uid, or null: with one it has operator state (and broadcast state) */
    ProcessFunctionNode(String name, String uid, ProcessFunction<Object, Object> function, TaskContext context) {
        super(name);
        this.uid = uid;
        this.function = function;
        this.context = context;
        this.functionContext = function.new Context() {
            @Override
            public long timestamp() {
                return context.timestamp();
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
        };
    }

    @Override
    void open() throws Exception {
        function.open(uid == null ? new NoKeyedState(name(), context) : new OperatorRuntimeContext(uid, context));
    }

    @Override
    void process(Object element) throws Exception {
        function.processElement(element, functionContext, collector);
    }

    @Override
    void close() throws Exception {
        function.close();
    }

    /** The runtime context of a function on a stream that is not keyed: asking for keyed state is an error. */
    private record NoKeyedState(String operator, TaskContext context) implements RuntimeContext {

        private <S> S refuse(String state) {
            throw new UnsupportedOperationException(state + " is not available on a stream that is not keyed: call keyBy before "
                    + operator + " for keyed state");
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
        public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
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
            return context.taskId().toString();
        }
    }
}
