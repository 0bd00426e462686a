package io.rivulet.internal.runtime;

import java.util.HashSet;
import java.util.Set;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;

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
        Set<String> names = new HashSet<>();
        function.open(new RuntimeContext() {
            @Override
            public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
                if (!names.add(descriptor.name())) {
                    throw new IllegalArgumentException("operator " + uid + " has two states named " + descriptor.name());
                }
                return new StoreValueState<>(context, ChangelogFormat.stateName(uid, descriptor.name()),
                        descriptor.serde(), descriptor.defaultValue());
            }

            @Override
            public String operatorUid() {
                return uid;
            }

            @Override
            public String taskId() {
                return context.taskId().toString();
            }
        });
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
