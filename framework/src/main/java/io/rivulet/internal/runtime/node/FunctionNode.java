package io.rivulet.internal.runtime.node;

import io.rivulet.internal.graph.RecordFunction;

/** map, filter and flatMap: what the function emits carries the input record's timestamp and key. */
public final class FunctionNode extends ProcessorNode {

    private final RecordFunction function;
    private final RecordCollector downstream = new RecordCollector();

    public FunctionNode(String name, RecordFunction function) {
        super(name);
        this.function = function;
    }

    @Override
    public void process(StreamRecord record) throws Exception {
        downstream.current(record);
        function.apply(record.value(), downstream);
    }
}
