package io.rivulet.internal.runtime.node;

/**
 * Passes on what it receives: the root of a side output stream (what its parent emitted to the side
 * output), and a union (what any of its inputs running in this task emitted).
 */
public final class PassThroughNode extends ProcessorNode {

    public PassThroughNode(String name) {
        super(name);
    }

    @Override
    public void process(StreamRecord record) throws Exception {
        forward(record);
    }
}
