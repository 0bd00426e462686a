package io.rivulet.internal.runtime;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.evictors.TimestampedValue;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.SideOutputTransformation;
import io.rivulet.internal.graph.Transformation;
import io.rivulet.state.InMemoryStateBackend;
import io.rivulet.state.TaskStateStore;

/**
 * Runs the operators downstream of one keyBy the way a task does — a copy of the functions per task, staged
 * state per element, the transactional store underneath, timers in state — without Kafka, with the
 * watermark and the processing-time clock set by the caller. For {@code io.rivulet.testing}.
 */
public final class KeyedOperatorHarnessRuntime implements AutoCloseable {

    private static final String TASK = "0_0";

    private final JobGraph graph;
    private final KeyByTransformation keyBy;
    private final InMemoryStateBackend backend = new InMemoryStateBackend();
    private final ManualClock clock = new ManualClock();
    private final List<TimestampedValue<Object>> output = new ArrayList<>();
    private final Map<String, List<Object>> sideOutputs = new LinkedHashMap<>();
    private final List<ProcessorNode> nodes = new ArrayList<>();
    private final List<ProcessorNode> roots = new ArrayList<>();
    private TaskStateStore store;
    private TaskContext context;
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
        context = new TaskContext(new TaskId(0, 0), new RecordState(store), clock);
        nodes.clear();
        roots.clear();
        instantiateDownstreamOf(keyBy, null, new HashMap<>());
        for (ProcessorNode node : nodes) {
            node.open();
        }
    }

    private void instantiateDownstreamOf(Transformation parent, ProcessorNode parentNode, Map<Transformation, ProcessorNode> made) {
        for (Transformation child : graph.downstreamOf(parent)) {
            ProcessorNode node = made.get(child);
            boolean fresh = node == null;
            if (fresh) {
                node = OperatorNodes.instantiate(child, context);
                node.onUnreadSideOutput((tag, element) -> sideOutputs.computeIfAbsent(tag.getId(), id -> new ArrayList<>())
                        .add(element));
                made.put(child, node);
                nodes.add(node);
                if (graph.downstreamOf(child).isEmpty()) {
                    node.addChild(capture(child));
                }
            }
            if (parentNode == null) {
                roots.add(node);
            } else {
                OperatorNodes.attach(parentNode, child, node);
            }
            if (fresh) {
                instantiateDownstreamOf(child, node, made);
            }
        }
    }

    private ProcessorNode capture(Transformation leaf) {
        return new ProcessorNode("harness-output") {
            @Override
            void process(Object element) {
                if (leaf instanceof SideOutputTransformation side) {
                    sideOutputs.computeIfAbsent(side.tag().getId(), id -> new ArrayList<>()).add(element);
                } else {
                    output.add(new TimestampedValue<>(element, context.timestamp()));
                }
            }
        };
    }

    /** Processes one element with the given key; its state changes and output are discarded if it throws. */
    public void processElement(Object key, Object value, long timestamp) throws Exception {
        int before = output.size();
        Map<String, Integer> sideBefore = sideSizes();
        context.timestamp(timestamp);
        context.currentKey(key, keyBy.keySerde().serialize(key));
        try {
            for (ProcessorNode root : roots) {
                root.process(value);
            }
        } catch (Exception e) {
            context.discardRecord();
            output.subList(before, output.size()).clear();
            sideBefore.forEach((tag, size) -> sideOutputs.get(tag).subList(size, sideOutputs.get(tag).size()).clear());
            sideOutputs.keySet().retainAll(sideBefore.keySet());
            throw e instanceof DownstreamException && e.getCause() instanceof Exception cause ? cause : e;
        }
        context.state().commitRecord();
    }

    public Object keyOf(Object value) throws Exception {
        return keyBy.keySelector().getKey(value);
    }

    /** Advances event time: fires every event-time timer up to {@code newWatermark}, in timestamp order. */
    public void processWatermark(long newWatermark) throws Exception {
        watermark = Math.max(watermark, newWatermark);
        fire(true);
    }

    /** Sets the processing-time clock and fires the processing-time timers now due. */
    public void setProcessingTime(long time) throws Exception {
        clock.millis = time;
        fire(false);
    }

    private void fire(boolean eventTime) throws Exception {
        for (ProcessorNode node : nodes) {
            if (eventTime) {
                node.onWatermark(watermark);
            } else {
                node.onProcessingTime(clock.millis);
            }
        }
        context.state().commitRecord();
    }

    public long watermark() {
        return watermark;
    }

    public List<TimestampedValue<Object>> output() {
        return List.copyOf(output);
    }

    public List<Object> sideOutput(String tagId) {
        return List.copyOf(sideOutputs.getOrDefault(tagId, List.of()));
    }

    private Map<String, Integer> sideSizes() {
        Map<String, Integer> sizes = new HashMap<>();
        sideOutputs.forEach((tag, elements) -> sizes.put(tag, elements.size()));
        return sizes;
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

    private void closeNodes() throws Exception {
        for (ProcessorNode node : nodes) {
            node.close();
        }
    }

    @Override
    public void close() throws Exception {
        closeNodes();
        store.close();
        backend.close();
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
