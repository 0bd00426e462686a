package io.rivulet.testing.internal;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import io.rivulet.api.windowing.evictors.TimestampedValue;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.SideOutputTransformation;
import io.rivulet.internal.graph.Transformation;
import io.rivulet.internal.runtime.node.OperatorChain;
import io.rivulet.internal.runtime.node.PassThroughNode;
import io.rivulet.internal.runtime.node.ProcessorNode;
import io.rivulet.internal.runtime.node.StreamRecord;
import io.rivulet.internal.runtime.state.RecordState;
import io.rivulet.internal.runtime.state.StagedEffects;
import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.internal.runtime.state.TaskServices;
import io.rivulet.internal.runtime.task.OperatorNodes;
import io.rivulet.state.InMemoryStateBackend;
import io.rivulet.state.TaskStateStore;

/**
 * Runs the operators downstream of one keyBy through the task's own {@link OperatorChain}, instantiated as a
 * task instantiates them — a copy of the functions per task, staged state and output per element, the
 * transactional store underneath, timers in state, the same background state sweeps — without Kafka, with the
 * watermark and the processing-time clock set by the caller. For {@code io.rivulet.testing}.
 */
public final class KeyedOperatorHarnessRuntime implements AutoCloseable {

    private static final String TASK = "0_0";

    private final JobGraph graph;
    private final KeyByTransformation keyBy;
    private final InMemoryStateBackend backend = new InMemoryStateBackend();
    private final ManualClock clock = new ManualClock();
    private final CapturedOutput captured = new CapturedOutput();
    private ProcessorNode input;
    private TaskStateStore store;
    private OperatorChain chain;
    private long watermark = Long.MIN_VALUE;

    public KeyedOperatorHarnessRuntime(JobGraph graph, KeyByTransformation keyBy) throws Exception {
        this.graph = graph;
        this.keyBy = keyBy;
        for (Transformation node : graph.nodes()) {
            if (node.stateful() && node.uid().isEmpty()) {
                node.uid("harness-" + node.id());
            }
        }
        open();
    }

    private void open() throws Exception {
        store = backend.open(TASK);
        TaskServices services = new TaskServices(new TaskId(0, 0), new RecordState(store), clock);
        services.effects().register(captured);
        List<ProcessorNode> nodes = new ArrayList<>();
        input = new PassThroughNode("harness-input");
        instantiateDownstreamOf(keyBy, input, new HashMap<>(), services, nodes);
        chain = new OperatorChain(nodes, services);
        chain.open();
    }

    private void instantiateDownstreamOf(
            Transformation parent,
            ProcessorNode parentNode,
            Map<Transformation, ProcessorNode> made,
            TaskServices services,
            List<ProcessorNode> nodes) {
        for (Transformation child : graph.downstreamOf(parent)) {
            ProcessorNode node = made.get(child);
            boolean fresh = node == null;
            if (fresh) {
                node = OperatorNodes.instantiate(child, services);
                node.onUnreadSideOutput((tag, record) -> captured.side(tag.getId(), record.value()));
                made.put(child, node);
                nodes.add(node);
                if (graph.downstreamOf(child).isEmpty()) {
                    node.addChild(capture(child));
                }
            }
            if (parentNode == input) {
                input.addChild(node);
            } else {
                OperatorNodes.attach(parentNode, child, node);
            }
            if (fresh) {
                instantiateDownstreamOf(child, node, made, services, nodes);
            }
        }
    }

    private ProcessorNode capture(Transformation leaf) {
        return new ProcessorNode("harness-output") {
            @Override
            public void process(StreamRecord record) {
                if (leaf instanceof SideOutputTransformation side) {
                    captured.side(side.tag().getId(), record.value());
                } else {
                    captured.main(new TimestampedValue<>(record.value(), record.timestamp()));
                }
            }
        };
    }

    /** Processes one element with the given key; its state changes and output are discarded if it throws. */
    public void processElement(Object key, Object value, long timestamp) throws Exception {
        chain.process(
                input, new StreamRecord(value, timestamp, key, keyBy.keySerde().serialize(key)));
    }

    public Object keyOf(Object value) throws Exception {
        return keyBy.keySelector().getKey(value);
    }

    /** Advances event time: fires every event-time timer up to {@code newWatermark}, in timestamp order. */
    public void processWatermark(long newWatermark) throws Exception {
        // As in a task: event time only moves forward, and only a move fires event-time timers.
        if (newWatermark <= watermark) {
            return;
        }
        watermark = newWatermark;
        fire(true);
    }

    /** Sets the processing-time clock and fires the processing-time timers now due. */
    public void setProcessingTime(long time) throws Exception {
        clock.millis = time;
        fire(false);
    }

    private void fire(boolean eventTime) throws Exception {
        chain.advanceTime(watermark, eventTime, clock.millis, !eventTime);
    }

    public long watermark() {
        return watermark;
    }

    public List<TimestampedValue<Object>> output() {
        return captured.main();
    }

    public List<Object> sideOutput(String tagId) {
        return captured.side(tagId);
    }

    /** Commits the state of everything processed so far, as a transaction commit does. */
    public void commit() {
        store.commit(Map.of());
    }

    /**
     * Closes the operators and opens fresh copies over the committed state, dropping what was not committed:
     * what a crash and restore looks like to them. The watermark is kept, as it is committed with the offsets.
     */
    public void restart() throws Exception {
        closeNodes();
        store.close();
        open();
        fire(true);
    }

    /** Commits, then copies the committed state (per state name, its entries). */
    public Map<String, NavigableMap<byte[], byte[]>> snapshotState() {
        commit();
        return backend.export(TASK);
    }

    /**
     * Closes the operators, replaces the state with {@code states}, and opens fresh copies over it at
     * {@code watermark}: a restore from a snapshot.
     */
    public void restore(Map<String, NavigableMap<byte[], byte[]>> states, long restoredWatermark) throws Exception {
        closeNodes();
        store.close();
        backend.importState(TASK, states);
        watermark = restoredWatermark;
        open();
        fire(true);
    }

    private void closeNodes() {
        chain.close(new TaskId(0, 0));
    }

    @Override
    public void close() throws Exception {
        closeNodes();
        store.close();
        backend.close();
    }

    /** What the operators emitted, kept per element only once the element (or timer round) succeeded. */
    private static final class CapturedOutput implements StagedEffects {

        private final List<TimestampedValue<Object>> main = new ArrayList<>();
        private final Map<String, List<Object>> sides = new LinkedHashMap<>();
        private final List<TimestampedValue<Object>> stagedMain = new ArrayList<>();
        private final List<Map.Entry<String, Object>> stagedSides = new ArrayList<>();

        void main(TimestampedValue<Object> value) {
            stagedMain.add(value);
        }

        void side(String tagId, Object value) {
            stagedSides.add(Map.entry(tagId, value));
        }

        List<TimestampedValue<Object>> main() {
            return List.copyOf(main);
        }

        List<Object> side(String tagId) {
            return List.copyOf(sides.getOrDefault(tagId, List.of()));
        }

        @Override
        public void commitRecord() {
            main.addAll(stagedMain);
            stagedSides.forEach(entry -> sides.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                    .add(entry.getValue()));
            discardRecord();
        }

        @Override
        public void discardRecord() {
            stagedMain.clear();
            stagedSides.clear();
        }
    }

    private static final class ManualClock implements InstantSource {

        private long millis;

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public long millis() {
            return millis;
        }
    }
}
