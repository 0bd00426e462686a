package io.rivulet.internal.runtime.node;

import io.rivulet.api.functions.Collector;
import io.rivulet.internal.graph.RecordFunction;

/** map, filter and flatMap: what the function emits carries the input record's timestamp and key. */
public final class FunctionNode extends ProcessorNode {

    private final RecordFunction function;
    private final Collector<Object> downstream = value -> forwardUnchecked(this.current.withValue(value));
    private StreamRecord current;

    public FunctionNode(String name, RecordFunction function) {
        super(name);
        this.function = function;
    }

    @Override
    public void process(StreamRecord record) throws Exception {
        current = record;
        function.apply(record.value(), downstream);
    }
}
