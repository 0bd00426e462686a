package io.rivulet.internal.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.rivulet.api.OutputTag;

/**
 * One operator instance in a task; it processes an element and forwards results to its children, and side
 * outputs to the children that read them. Keyed operators with timers also react to time: the task calls
 * {@link #onWatermark} when its event time advances and {@link #onProcessingTime} as the clock moves.
 */
abstract class ProcessorNode {

    private final List<ProcessorNode> children = new ArrayList<>();
    private final String name;
    private final Map<String, List<ProcessorNode>> sideChildren = new HashMap<>();
    private BiConsumer<OutputTag<?>, Object> unreadSideOutput = (tag, element) -> { };

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

    /** Routes the side output {@code tag} to {@code child}. */
    void addSideChild(OutputTag<?> tag, ProcessorNode child) {
        sideChildren.computeIfAbsent(tag.getId(), id -> new ArrayList<>()).add(child);
    }

    /** Receives side output that no child reads; by default it is not read by anyone and goes nowhere. */
    void onUnreadSideOutput(BiConsumer<OutputTag<?>, Object> consumer) {
        this.unreadSideOutput = consumer;
    }

    abstract void process(Object element) throws Exception;

    /** Event time reached {@code watermark}: fire what is due. Called in topological order. */
    void onWatermark(long watermark) throws Exception {
    }

    /** The processing-time clock reads {@code time}: fire what is due. */
    void onProcessingTime(long time) throws Exception {
    }

    protected final void forward(Object element) throws Exception {
        for (int i = 0; i < children.size(); i++) {
            children.get(i).process(element);
        }
    }

    protected final void forwardSide(OutputTag<?> tag, Object element) throws Exception {
        List<ProcessorNode> readers = sideChildren.get(tag.getId());
        if (readers == null) {
            unreadSideOutput.accept(tag, element);
            return;
        }
        for (int i = 0; i < readers.size(); i++) {
            readers.get(i).process(element);
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
