package io.rivulet.internal.runtime;

import java.util.ArrayList;
import java.util.List;

/** One operator instance in a task; it processes an element and forwards results to its children. */
abstract class ProcessorNode {

    private final List<ProcessorNode> children = new ArrayList<>();
    private final String name;

    ProcessorNode(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void addChild(ProcessorNode child) {
        children.add(child);
    }

    List<ProcessorNode> children() {
        return children;
    }

    abstract void process(Object element) throws Exception;

    protected final void forward(Object element) throws Exception {
        for (int i = 0; i < children.size(); i++) {
            children.get(i).process(element);
        }
    }

    void open() throws Exception {
    }

    void close() throws Exception {
    }
}
