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

    /** {@link #forward} for use inside a {@code Collector}, which cannot throw checked exceptions. */
    protected final void forwardUnchecked(Object element) {
        try {
            forward(element);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DownstreamException(e);
        }
    }

    void open() throws Exception {
    }

    void close() throws Exception {
    }
}
