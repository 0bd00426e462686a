package io.rivulet.internal.runtime;

/** The root of a side output stream: passes on what its parent emitted to the side output. */
final class SideOutputNode extends ProcessorNode {

    SideOutputNode(String name) {
        super(name);
    }

    @Override
    void process(Object element) throws Exception {
        forward(element);
    }
}
