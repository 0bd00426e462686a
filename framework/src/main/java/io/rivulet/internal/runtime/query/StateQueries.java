package io.rivulet.internal.runtime.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.utils.Utils;

import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.SerdeException;
import io.rivulet.api.state.AggregatingStateDescriptor;
import io.rivulet.api.state.ListStateDescriptor;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ReducingStateDescriptor;
import io.rivulet.api.state.StateDescriptor;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.SubTopology;
import io.rivulet.internal.graph.Topology;
import io.rivulet.internal.graph.Transformation;
import io.rivulet.internal.runtime.assignment.GroupLocations;
import io.rivulet.internal.runtime.assignment.InstanceLocation;
import io.rivulet.internal.runtime.state.QueryableStates;
import io.rivulet.internal.runtime.state.StateAccess;
import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.internal.state.StateKeys;
import io.rivulet.internal.state.StateNames;
import io.rivulet.state.Bytes;
import io.rivulet.state.StateStoreClosedException;

/**
 * Interactive queries of keyed state by operator uid, state name and key. The key is parsed with the key serde of
 * the operator's keyed stream and placed on its partition the way the repartition topic places it (murmur2 of the
 * key bytes); the task of that partition answers from its committed state (never the open transaction) when it
 * runs here, and the query is sent to the instance the group's latest assignment gave the partition to otherwise.
 */
public final class StateQueries {

    /** Seconds a caller should wait before asking again a task that restores or that the group is moving. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final Topology topology;
    private final Map<String, Integer> partitions;
    private final QueryableStates states;
    private final QueryableTasks tasks;
    private final GroupLocations locations;

    public StateQueries(
            Topology topology,
            Map<String, Integer> partitions,
            QueryableStates states,
            QueryableTasks tasks,
            GroupLocations locations) {
        this.topology = topology;
        this.partitions = partitions;
        this.states = states;
        this.tasks = tasks;
        this.locations = locations;
    }

    /**
     * The committed value of {@code key} in state {@code state} of the operator with uid {@code uid}.
     *
     * @param forwarded whether another instance sent the query here: then it is answered here or not at all, so that
     *     two instances with different views of the assignment cannot pass it back and forth
     */
    public QueryResult get(String uid, String state, String key, boolean forwarded) {
        Optional<SubTopology> owner = subTopologyOf(uid);
        if (owner.isEmpty()) {
            return new QueryResult.NotFound("the job has no operator with uid '" + uid + "' and keyed state");
        }
        SubTopology sub = owner.get();
        Serde<Object> keySerde = keySerdeOf(sub, uid);
        Object parsed;
        byte[] keyBytes;
        try {
            parsed = keySerde.parse(key);
            keyBytes = keySerde.serialize(parsed);
        } catch (SerdeException | IllegalArgumentException e) {
            return new QueryResult.InvalidKey(
                    "'" + key + "' is not a key of operator '" + uid + "': " + e.getMessage());
        }
        int partition = Utils.toPositive(Utils.murmur2(keyBytes)) % partitions.get(sub.sourceTopic());
        TaskId task = new TaskId(sub.id(), partition);
        Optional<QueryableTasks.Entry> local = tasks.get(task);
        if (local.isEmpty()) {
            return elsewhere(sub.sourceTopic() + "-" + partition, task, forwarded);
        }
        if (!local.get().restored()) {
            return new QueryResult.Unavailable(
                    "task " + task + ", which holds the key, is restoring its state", RETRY_AFTER_SECONDS);
        }
        String stateName = StateNames.of(uid, state);
        Optional<StateDescriptor> descriptor = states.descriptor(stateName);
        if (descriptor.isEmpty()) {
            return new QueryResult.NotFound("operator '" + uid + "' has no keyed state named '" + state + "'");
        }
        try {
            JsonNode value = read(local.get(), stateName, descriptor.get(), StateKeys.keyed(keyBytes));
            return value == null
                    ? new QueryResult.NotFound(
                            "key '" + key + "' has no value in state '" + state + "' of operator '" + uid + "'")
                    : new QueryResult.Found(JsonValues.of(parsed), value);
        } catch (StateStoreClosedException e) {
            return new QueryResult.Unavailable(
                    "task " + task + " is moving to another instance: " + e.getMessage(), RETRY_AFTER_SECONDS);
        }
    }

    private QueryResult elsewhere(String partition, TaskId task, boolean forwarded) {
        Optional<InstanceLocation> owner = locations.ownerOf(partition);
        if (forwarded
                || owner.isEmpty()
                || owner.get().processId().equals(locations.processId())
                || owner.get().advertisedUrl().isEmpty()) {
            return new QueryResult.Unavailable(
                    "task " + task + ", which holds the key, runs on no instance reachable from here yet (the group is"
                            + " rebalancing, or its instance advertises no URL)",
                    RETRY_AFTER_SECONDS);
        }
        return new QueryResult.Elsewhere(
                owner.get().advertisedUrl().get(), owner.get().processId());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonNode read(
            QueryableTasks.Entry task, String stateName, StateDescriptor descriptor, byte[] scope) {
        long now = System.currentTimeMillis();
        if (descriptor instanceof ValueStateDescriptor<?> value) {
            return decoded(task, stateName, descriptor, scope, value.serde(), now);
        }
        if (descriptor instanceof ReducingStateDescriptor<?> reducing) {
            return decoded(task, stateName, descriptor, scope, reducing.serde(), now);
        }
        if (descriptor instanceof AggregatingStateDescriptor aggregating) {
            byte[] stored = task.store().readCommitted(stateName, scope);
            byte[] payload = stored == null ? null : StateAccess.committedPayload(descriptor.ttl(), stored, now);
            if (payload == null) {
                return null;
            }
            AggregateFunction function = aggregating.aggregateFunction();
            return JsonValues.of(
                    function.getResult(aggregating.accumulatorSerde().deserialize(payload)));
        }
        byte[] prefix = StateKeys.collectionScope(scope, true);
        List<Map.Entry<byte[], byte[]>> entries = new ArrayList<>();
        task.store()
                .readCommitted(stateName, StateAccess.successor(prefix), Bytes.prefixEnd(prefix))
                .forEach((stored, value) -> {
                    byte[] payload = StateAccess.committedPayload(descriptor.ttl(), value, now);
                    if (payload != null) {
                        entries.add(Map.entry(stored, payload));
                    }
                });
        if (entries.isEmpty()) {
            return null;
        }
        if (descriptor instanceof MapStateDescriptor<?, ?> map) {
            ArrayNode rendered = JsonNodeFactory.instance.arrayNode();
            for (Map.Entry<byte[], byte[]> entry : entries) {
                byte[] mapKey = java.util.Arrays.copyOfRange(entry.getKey(), prefix.length, entry.getKey().length);
                ObjectNode row = rendered.addObject();
                row.set("key", JsonValues.of(map.keySerde().deserialize(mapKey)));
                row.set("value", JsonValues.of(map.valueSerde().deserialize(entry.getValue())));
            }
            return rendered;
        }
        ListStateDescriptor<?> list = (ListStateDescriptor<?>) descriptor;
        ArrayNode rendered = JsonNodeFactory.instance.arrayNode();
        entries.forEach(entry -> rendered.add(JsonValues.of(list.elementSerde().deserialize(entry.getValue()))));
        return rendered;
    }

    private static JsonNode decoded(
            QueryableTasks.Entry task,
            String stateName,
            StateDescriptor descriptor,
            byte[] scope,
            Serde<?> serde,
            long now) {
        byte[] stored = task.store().readCommitted(stateName, scope);
        byte[] payload = stored == null ? null : StateAccess.committedPayload(descriptor.ttl(), stored, now);
        return payload == null ? null : JsonValues.of(serde.deserialize(payload));
    }

    /** The sub-topology whose tasks hold the keyed state of the operator with this uid. */
    private Optional<SubTopology> subTopologyOf(String uid) {
        return topology.subTopologies().stream()
                .filter(sub -> sub.statefulNodes().stream()
                        .anyMatch(node -> node.uid().filter(uid::equals).isPresent()))
                .findFirst();
    }

    /** The key serde of the keyed stream the operator reads: the nearest keyBy upstream of it. */
    private static Serde<Object> keySerdeOf(SubTopology sub, String uid) {
        Transformation operator = sub.statefulNodes().stream()
                .filter(node -> node.uid().filter(uid::equals).isPresent())
                .findFirst()
                .orElseThrow();
        Deque<Transformation> toVisit = new ArrayDeque<>(List.of(operator));
        while (!toVisit.isEmpty()) {
            Transformation node = toVisit.removeFirst();
            if (node instanceof KeyByTransformation keyBy) {
                return keyBy.keySerde();
            }
            toVisit.addAll(node.inputs());
        }
        throw new IllegalStateException("operator " + uid + " has keyed state but reads no keyed stream");
    }
}
