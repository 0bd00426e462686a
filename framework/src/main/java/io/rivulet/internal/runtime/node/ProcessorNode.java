package io.rivulet.internal.runtime.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.OutputTag;

/**
 * One operator instance in a task; it processes a record and forwards results to its children, and side
 * outputs to the children that read them. Keyed operators with timers also react to time: the operator chain
 * calls {@link #onWatermark} when its event time advances and {@link #onProcessingTime} as the clock moves.
 */
public abstract class ProcessorNode {

    private final List<ProcessorNode> children = new ArrayList<>();
    private final String name;
    private final Map<String, List<ProcessorNode>> sideChildren = new HashMap<>();
    private BiConsumer<OutputTag<?>, StreamRecord> unreadSideOutput = (tag, record) -> {};

    public ProcessorNode(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void addChild(ProcessorNode child) {
        children.add(child);
    }

    /** Routes the side output {@code tag} to {@code child}. */
    public void addSideChild(OutputTag<?> tag, ProcessorNode child) {
        sideChildren.computeIfAbsent(tag.getId(), id -> new ArrayList<>()).add(child);
    }

    /** Receives side output that no child reads; by default it is not read by anyone and goes nowhere. */
    public void onUnreadSideOutput(BiConsumer<OutputTag<?>, StreamRecord> consumer) {
        this.unreadSideOutput = consumer;
    }

    public abstract void process(StreamRecord record) throws Exception;

    /** Event time reached {@code watermark}: fire what is due. Called in topological order. */
    public void onWatermark(long watermark) throws Exception {}

    /** The processing-time clock reads {@code time}: fire what is due. */
    public void onProcessingTime(long time) throws Exception {}

    protected final void forward(StreamRecord record) throws Exception {
        for (int i = 0; i < children.size(); i++) {
            children.get(i).process(record);
        }
    }

    protected final void forwardSide(OutputTag<?> tag, StreamRecord record) throws Exception {
        List<ProcessorNode> readers = sideChildren.get(tag.getId());
        if (readers == null) {
            unreadSideOutput.accept(tag, record);
            return;
        }
        for (int i = 0; i < readers.size(); i++) {
            readers.get(i).process(record);
        }
    }

    /** {@link #forward} for use inside a {@code Collector}, which cannot throw checked exceptions. */
    protected final void forwardUnchecked(StreamRecord record) {
        try {
            // The loop of forward(), not a call to it: the hot path stays shallow enough for the JIT to inline.
            for (int i = 0; i < children.size(); i++) {
                children.get(i).process(record);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DownstreamException(e);
        }
    }

    /** {@link #forwardSide} for use inside a function's context, which cannot throw checked exceptions. */
    protected final void forwardSideUnchecked(OutputTag<?> tag, StreamRecord record) {
        try {
            forwardSide(tag, record);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DownstreamException(e);
        }
    }

    /**
     * The collector a function emits into: each value goes downstream as a record with the timestamp and key of
     * the record (or timer) at hand, {@link #current}; the very value it got passes on as the very record.
     */
    protected final class RecordCollector implements Collector<Object> {

        private StreamRecord current;

        public RecordCollector() {}

        public StreamRecord current() {
            return current;
        }

        public void current(StreamRecord record) {
            this.current = record;
        }

        @Override
        public void collect(Object value) {
            forwardUnchecked(value == current.value() ? current : current.withValue(value));
        }
    }

    public void open() throws Exception {}

    public void close() throws Exception {}
}
