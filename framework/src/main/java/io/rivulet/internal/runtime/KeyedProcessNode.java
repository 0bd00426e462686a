package io.rivulet.internal.runtime;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;

/** Runs a user's {@link KeyedProcessFunction} with keyed state scoped to the context's current key. */
final class KeyedProcessNode extends ProcessorNode {

    private final KeyedProcessFunction<Object, Object, Object> function;
    private final String uid;
    private final TaskContext context;
    private final KeyedProcessFunction<Object, Object, Object>.Context functionContext;
    private final Collector<Object> collector;

    KeyedProcessNode(String name, String uid, KeyedProcessFunction<Object, Object, Object> function, TaskContext context) {
        super(name);
        this.function = function;
        this.uid = uid;
        this.context = context;
        this.functionContext = function.new Context() {
            @Override
            public long timestamp() {
                return context.timestamp();
            }

            @Override
            public Object getCurrentKey() {
                return context.currentKey();
            }
        };
        this.collector = this::forwardUnchecked;
    }

    @Override
    void open() throws Exception {
        function.open(new OperatorRuntimeContext(uid, context));
    }

    @Override
    void process(Object element) throws Exception {
        function.processElement(element, functionContext, collector);
    }

    @Override
    void close() throws Exception {
        function.close();
    }
}
