package io.rivulet.internal.runtime;

import io.rivulet.api.functions.Collector;
import io.rivulet.internal.graph.RecordFunction;

/** map, filter and flatMap. */
final class FunctionNode extends ProcessorNode {

    private final RecordFunction function;
    private final Collector<Object> downstream = this::forwardUnchecked;

    FunctionNode(String name, RecordFunction function) {
        super(name);
        this.function = function;
    }

    @Override
    void process(Object element) throws Exception {
        function.apply(element, downstream);
    }
}
