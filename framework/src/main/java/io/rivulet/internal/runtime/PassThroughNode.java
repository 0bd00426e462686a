package io.rivulet.internal.runtime;

/**
 * Passes on what it receives: the root of a side output stream (what its parent emitted to the side
 * output), and a union (what any of its inputs running in this task emitted).
 */
final class PassThroughNode extends ProcessorNode {

    PassThroughNode(String name) {
        super(name);
    }

    @Override
    void process(Object element) throws Exception {
        forward(element);
    }
}
