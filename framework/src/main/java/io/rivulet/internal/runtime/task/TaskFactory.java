package io.rivulet.internal.runtime.task;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import io.rivulet.api.eventtime.WatermarkOutput;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.SinkTransformation;
import io.rivulet.internal.graph.SourceTransformation;
import io.rivulet.internal.graph.SubTopology;
import io.rivulet.internal.graph.Topology;
import io.rivulet.internal.graph.Transformation;
import io.rivulet.internal.runtime.changelog.TaskStateManager;
import io.rivulet.internal.runtime.node.OperatorChain;
import io.rivulet.internal.runtime.node.OutputBuffer;
import io.rivulet.internal.runtime.node.ProcessorNode;
import io.rivulet.internal.runtime.node.RepartitionSinkNode;
import io.rivulet.internal.runtime.node.RepartitionSourceNode;
import io.rivulet.internal.runtime.node.SinkNode;
import io.rivulet.internal.runtime.node.SourceNode;
import io.rivulet.internal.runtime.node.TopicSourceNode;
import io.rivulet.internal.runtime.state.QueryableStates;
import io.rivulet.internal.runtime.state.RecordState;
import io.rivulet.internal.runtime.state.StateSchemas;
import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.internal.runtime.state.TaskServices;
import io.rivulet.internal.runtime.time.WatermarkTracker;
import io.rivulet.sink.RecordOutput;
import io.rivulet.state.StateBackend;
import io.rivulet.state.TaskStateStore;

/** Instantiates the operators of a sub-topology for one partition. */
public final class TaskFactory {

    private final Topology topology;
    private final TaskTopology tasks;
    private final Map<String, Integer> partitionCounts;
    private final StateBackend stateBackend;
    private final RecordErrorHandler errors;
    private final InstantSource clock;
    private final StateSchemas schemas;
    private final QueryableStates queryable;

    public TaskFactory(
            Topology topology,
            Map<String, Integer> partitionCounts,
            StateBackend stateBackend,
            RecordErrorHandler errors,
            InstantSource clock) {
        this(topology, partitionCounts, stateBackend, errors, clock, StateSchemas.NONE, QueryableStates.NONE);
    }

    /**
     * @param schemas the writer schemas of restored state, which the states' serdes are checked against
     * @param queryable where the tasks' operators register their keyed states for interactive queries
     */
    public TaskFactory(
            Topology topology,
            Map<String, Integer> partitionCounts,
            StateBackend stateBackend,
            RecordErrorHandler errors,
            InstantSource clock,
            StateSchemas schemas,
            QueryableStates queryable) {
        this.queryable = queryable;
        this.topology = topology;
        this.tasks = new TaskTopology(topology);
        this.partitionCounts = partitionCounts;
        this.stateBackend = stateBackend;
        this.errors = errors;
        this.clock = clock;
        this.schemas = schemas;
    }

    /** @param output the stream thread's output, which the task's records go to */
    public Task create(TopicPartition input, RecordOutput output) {
        SubTopology sub = topology.subTopologyReading(input.topic());
        TaskId id = new TaskId(sub.id(), input.partition());
        TaskStateStore store = sub.statefulNodes().isEmpty() ? null : stateBackend.open(id.toString());
        TaskServices services =
                new TaskServices(id, store == null ? null : new RecordState(store), clock, schemas, queryable);
        OutputBuffer buffer = new OutputBuffer(output);
        services.effects().register(buffer);
        Map<Transformation, ProcessorNode> instances = new HashMap<>();
        List<ProcessorNode> nodes = new ArrayList<>();
        SourceNode source = null;
        // A source task's input is its partition; a repartition task's inputs are the upstream tasks, whose
        // watermark markers it reads.
        WatermarkTracker watermarks = new WatermarkTracker(watermarkInputs(sub));
        List<RepartitionSinkNode> repartitionSinks = new ArrayList<>();
        for (Transformation node : sub.nodes()) {
            ProcessorNode instance = instantiate(sub, node, services, buffer, watermarks);
            if (instance instanceof RepartitionSinkNode sink) {
                repartitionSinks.add(sink);
            }
            if (instance instanceof SourceNode root) {
                source = root;
            } else {
                for (Transformation parent : node.inputs()) {
                    // After a union, only the inputs that run in this sub-topology feed this instance.
                    if (instances.containsKey(parent)) {
                        OperatorNodes.attach(instances.get(parent), node, instance);
                    }
                }
            }
            instances.put(node, instance);
            nodes.add(instance);
        }
        return new Task(
                id,
                input,
                source,
                new OperatorChain(nodes, services),
                new TaskStateManager(id, store, tasks.changelogsByUid(id)),
                errors,
                watermarks,
                repartitionSinks,
                output);
    }

    /**
     * A standby of a stateful task: its store and changelogs, without operators, for the changelog reader to keep
     * up to date.
     */
    public StandbyTask createStandby(TaskId id) {
        return new StandbyTask(
                id,
                tasks.inputOf(id),
                new TaskStateManager(id, stateBackend.open(id.toString()), tasks.changelogsByUid(id)));
    }

    /** A source task's one input is its partition; a repartition task's are all the tasks writing the topic. */
    private int watermarkInputs(SubTopology sub) {
        if (!(sub.root() instanceof KeyByTransformation keyBy)) {
            return 1;
        }
        return markerBase(keyBy, topology.subTopologies().size());
    }

    /**
     * The first marker index of the tasks of sub-topology {@code writerId} in {@code keyBy}'s repartition topic:
     * the writing sub-topologies number their tasks one after the other, so that the downstream task can take
     * the minimum over every upstream task of every one of them (after a union, several write one topic).
     */
    private int markerBase(KeyByTransformation keyBy, int writerId) {
        return topology.subTopologies().stream()
                .filter(upstream -> upstream.id() < writerId
                        && upstream.nodes().contains(keyBy)
                        && upstream.root() != keyBy
                        && keyBy.writesKeyedFrom(upstream.nodes()))
                .mapToInt(upstream -> partitionCounts.get(upstream.sourceTopic()))
                .sum();
    }

    private ProcessorNode instantiate(
            SubTopology sub,
            Transformation node,
            TaskServices services,
            OutputBuffer buffer,
            WatermarkTracker watermarks) {
        if (node instanceof SourceTransformation s) {
            return new TopicSourceNode(
                    s.name(),
                    s.source(),
                    s.watermarkStrategy(),
                    new WatermarkOutput() {
                        @Override
                        public void emitWatermark(long watermark) {
                            watermarks.update(0, watermark);
                        }

                        @Override
                        public void markIdle() {
                            watermarks.markIdle(0);
                        }

                        @Override
                        public void markActive() {
                            watermarks.markActive(0);
                        }
                    },
                    clock);
        }
        if (node instanceof KeyByTransformation k) {
            if (sub.readsRepartition(k)) {
                return new RepartitionSourceNode(k);
            }
            String topic = topology.repartitionTopics().get(k);
            return new RepartitionSinkNode(
                    k,
                    topic,
                    partitionCounts.get(topic),
                    markerBase(k, sub.id()),
                    k.writesKeyedFrom(sub.nodes()),
                    services.taskId().partition(),
                    buffer);
        }
        if (node instanceof SinkTransformation s) {
            return new SinkNode(s.name(), s.sink(), buffer);
        }
        return OperatorNodes.instantiate(node, services);
    }
}
