package io.rivulet.internal.runtime.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.utils.Utils;

import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.query.KeyLocation;
import io.rivulet.api.query.KeyQueryResult;
import io.rivulet.api.query.KeyedStateQueries;
import io.rivulet.api.query.WindowedContents;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.SerdeException;
import io.rivulet.api.state.AggregatingStateDescriptor;
import io.rivulet.api.state.ListStateDescriptor;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ReducingStateDescriptor;
import io.rivulet.api.state.StateDescriptor;
import io.rivulet.api.state.StateTtlConfig;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.api.windowing.windows.Window;
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
 * Interactive queries of keyed state by operator uid, state and key. A key is placed on its partition the way the
 * repartition topic places it (murmur2 of its bytes under the key serde of the operator's keyed stream); the task of
 * that partition answers from its committed state (never the open transaction) when it runs here, and the group's
 * latest assignment says which instance to ask otherwise. The typed queries of {@link KeyedStateQueries} and the
 * JSON ones of {@code GET /rivulet/api/state/…} ({@link #get}) read alike.
 */
public final class StateQueries implements KeyedStateQueries {

    /** Seconds a caller should wait before asking again a task that restores or that the group is moving. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final Topology topology;
    private final Map<String, Integer> partitions;
    private final QueryableStates states;
    private final QueryableTasks tasks;
    private final GroupLocations locations;
    /** How the typed queries are answered: by the tasks only, or by replicas too. */
    private final QueryOptions typed;

    public StateQueries(
            Topology topology,
            Map<String, Integer> partitions,
            QueryableStates states,
            QueryableTasks tasks,
            GroupLocations locations) {
        this(topology, partitions, states, tasks, locations, QueryOptions.LATEST);
    }

    private StateQueries(
            Topology topology,
            Map<String, Integer> partitions,
            QueryableStates states,
            QueryableTasks tasks,
            GroupLocations locations,
            QueryOptions typed) {
        this.topology = topology;
        this.partitions = partitions;
        this.states = states;
        this.tasks = tasks;
        this.locations = locations;
        this.typed = typed;
    }

    @Override
    public StateQueries allowingStale() {
        return new StateQueries(topology, partitions, states, tasks, locations, new QueryOptions(false, true));
    }

    /** The operator that holds a keyed state: its sub-topology and the serde of its keys. */
    private record Operator(String uid, SubTopology sub, Serde<Object> keySerde) {

        TaskId taskOf(byte[] keyBytes, Map<String, Integer> partitions) {
            return new TaskId(sub.id(), Utils.toPositive(Utils.murmur2(keyBytes)) % partitions.get(sub.sourceTopic()));
        }

        String partitionOf(TaskId task) {
            return sub.sourceTopic() + "-" + task.partition();
        }
    }

    /** Where one key's query goes: a task of this instance, or a location that says why not. */
    private sealed interface Route {
        /** @param replicaLag present when a replica answers: how far behind it is */
        record Here(TaskId task, QueryableTasks.Entry entry, OptionalLong replicaLag) implements Route {}

        /** @param replicas other instances with a replica of the task, which may answer a query that allows staleness */
        record NotHere(KeyLocation location, List<InstanceLocation> replicas) implements Route {}
    }

    @Override
    public <K> KeyLocation locate(String uid, K key) {
        Operator operator = operator(uid).orElseThrow(() -> noSuchOperator(uid));
        Route route = route(operator, operator.keySerde().serialize(key), QueryOptions.LATEST);
        return route instanceof Route.NotHere notHere
                ? notHere.location()
                : new KeyLocation.Local(locations.processId());
    }

    @Override
    public <K, V> KeyQueryResult<V> value(String uid, ValueStateDescriptor<V> state, K key) {
        return query(uid, key, (entry, scope) -> {
            byte[] payload = payload(entry, StateNames.of(uid, state.name()), state.ttl(), scope);
            return payload == null ? null : state.serde().deserialize(payload);
        });
    }

    @Override
    public <K, MK, MV> KeyQueryResult<Map<MK, MV>> map(String uid, MapStateDescriptor<MK, MV> state, K key) {
        return query(uid, key, (entry, scope) -> mapOf(entry, StateNames.of(uid, state.name()), state, scope));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, C> KeyQueryResult<List<WindowedContents<C>>> windows(String uid, K key) {
        return query(uid, key, (entry, scope) -> {
            List<WindowedContents<C>> windows = new ArrayList<>();
            windowsOf(uid, entry, scope)
                    .forEach((window, contents) -> windows.add(new WindowedContents<>(window, (C) contents)));
            return windows.isEmpty() ? null : windows;
        });
    }

    /**
     * The committed contents of a key's windows, given as text, as JSON: what {@code GET /rivulet/api/windows/<uid>}
     * answers ({@code [{"window": {"start", "end"}, "contents"}, …]}, a global window as {@code "global"}).
     */
    public QueryResult getWindows(String uid, String key, QueryOptions options) {
        return getJson(uid, key, options, "the windows of operator '" + uid + "'", (here, keyBytes) -> {
            if (states.windows(uid).isEmpty()) {
                return new QueryResult.NotFound("operator '" + uid + "' is not a window operator");
            }
            Map<Window, Object> windows = windowsOf(uid, here.entry(), StateKeys.keyed(keyBytes));
            if (windows.isEmpty()) {
                return null;
            }
            ArrayNode rendered = JsonNodeFactory.instance.arrayNode();
            windows.forEach((window, contents) -> {
                ObjectNode row = rendered.addObject();
                if (window instanceof TimeWindow time) {
                    row.putObject("window").put("start", time.getStart()).put("end", time.getEnd());
                } else {
                    row.put("window", "global");
                }
                row.set("contents", JsonValues.of(contents));
            });
            return new QueryResult.Found(null, rendered, OptionalLong.empty());
        });
    }

    /** A key's windows in a window operator's committed contents, in window byte order. */
    private Map<Window, Object> windowsOf(String uid, QueryableTasks.Entry entry, byte[] scope) {
        Map<Window, Object> windows = new LinkedHashMap<>();
        states.windows(uid)
                .ifPresent(contents -> entry.store()
                        .readCommitted(contents.stateName(), scope, Bytes.prefixEnd(scope))
                        .forEach((stored, value) -> windows.put(
                                contents.windowSerde().deserialize(StateKeys.afterRecordKey(stored)),
                                contents.contents().apply(value))));
        return windows;
    }

    @Override
    public <K extends Comparable<K>, V> SortedMap<K, V> range(String uid, ValueStateDescriptor<V> state, K from, K to) {
        String stateName = StateNames.of(uid, state.name());
        return localRange(uid, from, to, (entry, scope) -> {
            byte[] payload = payload(entry, stateName, state.ttl(), scope);
            return payload == null ? null : state.serde().deserialize(payload);
        });
    }

    @Override
    public <K extends Comparable<K>, MK, MV> SortedMap<K, Map<MK, MV>> rangeOfMaps(
            String uid, MapStateDescriptor<MK, MV> state, K from, K to) {
        String stateName = StateNames.of(uid, state.name());
        return localRange(uid, from, to, (entry, scope) -> mapOf(entry, stateName, state, scope));
    }

    /**
     * The committed value of a key given as text, as JSON: what {@code GET /rivulet/api/state/<uid>/<state>?key=}
     * answers. The state's serdes are those the operator registered when it opened on a task of this instance.
     *
     * <p>A query that allows staleness is answered by a replica of the task here when the task does not run here,
     * and may go to the instances with a replica when the task's owner cannot answer.
     */
    public QueryResult get(String uid, String state, String key, QueryOptions options) {
        return getJson(uid, key, options, "state '" + state + "' of operator '" + uid + "'", (here, keyBytes) -> {
            String stateName = StateNames.of(uid, state);
            Optional<StateDescriptor> descriptor = states.descriptor(stateName);
            if (descriptor.isEmpty()) {
                return new QueryResult.NotFound("operator '" + uid + "' has no keyed state named '" + state + "'");
            }
            JsonNode value = json(here.entry(), stateName, descriptor.get(), StateKeys.keyed(keyBytes));
            return value == null ? null : new QueryResult.Found(null, value, OptionalLong.empty());
        });
    }

    /** Reads one key's state here as JSON: a result, or null when the key has none. */
    @FunctionalInterface
    private interface JsonReader {
        QueryResult read(Route.Here here, byte[] keyBytes);
    }

    /** @param what what is read, for the answer that the key has nothing there */
    private QueryResult getJson(String uid, String key, QueryOptions options, String what, JsonReader reader) {
        Optional<Operator> found = operator(uid);
        if (found.isEmpty()) {
            return new QueryResult.NotFound(noSuchOperator(uid).getMessage());
        }
        Operator operator = found.get();
        Object parsed;
        byte[] keyBytes;
        try {
            parsed = operator.keySerde().fromString(key);
            keyBytes = operator.keySerde().serialize(parsed);
        } catch (SerdeException | IllegalArgumentException e) {
            return new QueryResult.InvalidKey(
                    "'" + key + "' is not a key of operator '" + uid + "': " + e.getMessage());
        }
        Route route = route(operator, keyBytes, options);
        if (route instanceof Route.NotHere notHere) {
            List<QueryResult.Instance> elsewhere = new ArrayList<>();
            if (notHere.location() instanceof KeyLocation.Remote remote
                    && remote.advertisedUrl().isPresent()) {
                elsewhere.add(new QueryResult.Instance(
                        remote.processId(), remote.advertisedUrl().get()));
            }
            notHere.replicas()
                    .forEach(replica -> replica.advertisedUrl()
                            .ifPresent(url -> elsewhere.add(new QueryResult.Instance(replica.processId(), url))));
            return elsewhere.isEmpty()
                    ? new QueryResult.Unavailable(reason(notHere.location()), RETRY_AFTER_SECONDS)
                    : new QueryResult.Elsewhere(List.copyOf(elsewhere));
        }
        Route.Here here = (Route.Here) route;
        try {
            QueryResult result = reader.read(here, keyBytes);
            if (result == null) {
                return new QueryResult.NotFound("key '" + key + "' has no value in " + what);
            }
            return result instanceof QueryResult.Found value
                    ? new QueryResult.Found(JsonValues.of(parsed), value.value(), here.replicaLag())
                    : result;
        } catch (StateStoreClosedException e) {
            return new QueryResult.Unavailable(moving(here.task(), e), RETRY_AFTER_SECONDS);
        }
    }

    /** Reads one key's committed state in a task's store, given the key's scope; null if it has none. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(QueryableTasks.Entry entry, byte[] scope);
    }

    private <K, T> KeyQueryResult<T> query(String uid, K key, Reader<T> reader) {
        Operator operator = operator(uid).orElseThrow(() -> noSuchOperator(uid));
        byte[] keyBytes = operator.keySerde().serialize(key);
        Route route = route(operator, keyBytes, typed);
        if (route instanceof Route.NotHere notHere) {
            return notHere.location() instanceof KeyLocation.Remote remote
                    ? new KeyQueryResult.HeldElsewhere<>(remote)
                    : new KeyQueryResult.Unavailable<>(reason(notHere.location()));
        }
        Route.Here here = (Route.Here) route;
        try {
            T value = reader.read(here.entry(), StateKeys.keyed(keyBytes));
            if (value == null) {
                return new KeyQueryResult.Absent<>();
            }
            return here.replicaLag().isPresent()
                    ? new KeyQueryResult.FoundOnReplica<>(
                            value, here.replicaLag().getAsLong())
                    : new KeyQueryResult.Found<>(value);
        } catch (StateStoreClosedException e) {
            return new KeyQueryResult.Unavailable<>(moving(here.task(), e));
        }
    }

    @SuppressWarnings("unchecked")
    private <K extends Comparable<K>, T> SortedMap<K, T> localRange(String uid, K from, K to, Reader<T> reader) {
        Operator operator = operator(uid).orElseThrow(() -> noSuchOperator(uid));
        SortedMap<K, T> found = new TreeMap<>();
        for (QueryableTasks.Entry entry :
                tasks.ofSubTopology(operator.sub().id()).values()) {
            if (!entry.restored()) {
                continue;
            }
            try {
                for (byte[] recordKey : recordKeys(entry, operator)) {
                    K key = (K) operator.keySerde().deserialize(recordKey);
                    if (key.compareTo(from) >= 0 && key.compareTo(to) < 0) {
                        T value = reader.read(entry, StateKeys.keyed(recordKey));
                        if (value != null) {
                            found.put(key, value);
                        }
                    }
                }
            } catch (StateStoreClosedException e) {
                // The task moved meanwhile: its keys are its new owner's to answer.
            }
        }
        return found;
    }

    /** The record keys with keyed state of the operator in one task's store. */
    private Set<byte[]> recordKeys(QueryableTasks.Entry entry, Operator operator) {
        Set<byte[]> keys = new TreeSet<>(Bytes.ORDER);
        String prefix = StateNames.of(operator.uid(), "");
        states.names().stream()
                .filter(name -> name.startsWith(prefix))
                .forEach(name -> entry.store()
                        .readCommitted(name, new byte[0], null)
                        .keySet()
                        .forEach(stored -> keys.add(StateKeys.recordKey(stored))));
        return keys;
    }

    private Route route(Operator operator, byte[] keyBytes, QueryOptions options) {
        TaskId task = operator.taskOf(keyBytes, partitions);
        Optional<QueryableTasks.Entry> local = tasks.get(task);
        if (local.isPresent() && local.get().restored()) {
            return new Route.Here(task, local.get(), OptionalLong.empty());
        }
        if (options.allowStale()) {
            Optional<QueryableTasks.Replica> replica = tasks.replica(task);
            if (replica.isPresent() && replica.get().lag().isPresent()) {
                return new Route.Here(
                        task,
                        new QueryableTasks.Entry(replica.get().store(), true),
                        replica.get().lag());
            }
        }
        String partition = operator.partitionOf(task);
        List<InstanceLocation> replicas = options.allowStale() && !options.forwarded()
                ? locations.replicasOf(partition).stream()
                        .filter(replica -> !replica.processId().equals(locations.processId()))
                        .toList()
                : List.of();
        if (local.isPresent()) {
            return new Route.NotHere(
                    new KeyLocation.Unknown("task " + task + ", which holds the key, is restoring its state"),
                    replicas);
        }
        Optional<InstanceLocation> owner = locations.ownerOf(partition);
        if (options.forwarded() || owner.isEmpty() || owner.get().processId().equals(locations.processId())) {
            return new Route.NotHere(
                    new KeyLocation.Unknown("task " + task
                            + ", which holds the key, runs on no instance known here yet (the group is rebalancing)"),
                    replicas);
        }
        return new Route.NotHere(
                new KeyLocation.Remote(owner.get().processId(), owner.get().advertisedUrl()), replicas);
    }

    private static String reason(KeyLocation location) {
        if (location instanceof KeyLocation.Unknown unknown) {
            return unknown.reason();
        }
        KeyLocation.Remote remote = (KeyLocation.Remote) location;
        return "instance " + remote.processId() + ", which holds the key, advertises no URL (rivulet.advertised-url)";
    }

    private static String moving(TaskId task, StateStoreClosedException e) {
        return "task " + task + " is moving to another instance: " + e.getMessage();
    }

    private static IllegalArgumentException noSuchOperator(String uid) {
        return new IllegalArgumentException("the job has no operator with uid '" + uid + "' and keyed state");
    }

    private static byte[] payload(QueryableTasks.Entry entry, String stateName, StateTtlConfig ttl, byte[] scope) {
        byte[] stored = entry.store().readCommitted(stateName, scope);
        return stored == null ? null : StateAccess.committedPayload(ttl, stored, System.currentTimeMillis());
    }

    /** A list's or map's committed entries of one key scope: stored key → payload, in key order. */
    private static Map<byte[], byte[]> entries(
            QueryableTasks.Entry entry, String stateName, StateTtlConfig ttl, byte[] prefix) {
        long now = System.currentTimeMillis();
        Map<byte[], byte[]> visible = new LinkedHashMap<>();
        NavigableMap<byte[], byte[]> stored =
                entry.store().readCommitted(stateName, StateAccess.successor(prefix), Bytes.prefixEnd(prefix));
        stored.forEach((key, value) -> {
            byte[] payload = StateAccess.committedPayload(ttl, value, now);
            if (payload != null) {
                visible.put(key, payload);
            }
        });
        return visible;
    }

    private static <MK, MV> Map<MK, MV> mapOf(
            QueryableTasks.Entry entry, String stateName, MapStateDescriptor<MK, MV> state, byte[] scope) {
        byte[] prefix = StateKeys.collectionScope(scope, true);
        Map<MK, MV> map = new LinkedHashMap<>();
        entries(entry, stateName, state.ttl(), prefix)
                .forEach((key, payload) -> map.put(
                        state.keySerde().deserialize(Arrays.copyOfRange(key, prefix.length, key.length)),
                        state.valueSerde().deserialize(payload)));
        return map.isEmpty() ? null : map;
    }

    /** One key's state as JSON, whatever the kind of state; null if it has none. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonNode json(
            QueryableTasks.Entry entry, String stateName, StateDescriptor descriptor, byte[] scope) {
        if (descriptor instanceof ValueStateDescriptor<?> value) {
            byte[] payload = payload(entry, stateName, descriptor.ttl(), scope);
            return payload == null ? null : JsonValues.of(value.serde().deserialize(payload));
        }
        if (descriptor instanceof ReducingStateDescriptor<?> reducing) {
            byte[] payload = payload(entry, stateName, descriptor.ttl(), scope);
            return payload == null ? null : JsonValues.of(reducing.serde().deserialize(payload));
        }
        if (descriptor instanceof AggregatingStateDescriptor aggregating) {
            byte[] payload = payload(entry, stateName, descriptor.ttl(), scope);
            AggregateFunction function = aggregating.aggregateFunction();
            return payload == null
                    ? null
                    : JsonValues.of(
                            function.getResult(aggregating.accumulatorSerde().deserialize(payload)));
        }
        if (descriptor instanceof MapStateDescriptor<?, ?> map) {
            Map<?, ?> entries = mapOf(entry, stateName, map, scope);
            if (entries == null) {
                return null;
            }
            ArrayNode rendered = JsonNodeFactory.instance.arrayNode();
            entries.forEach((key, value) -> {
                ObjectNode row = rendered.addObject();
                row.set("key", JsonValues.of(key));
                row.set("value", JsonValues.of(value));
            });
            return rendered;
        }
        ListStateDescriptor<?> list = (ListStateDescriptor<?>) descriptor;
        Map<byte[], byte[]> elements =
                entries(entry, stateName, descriptor.ttl(), StateKeys.collectionScope(scope, true));
        if (elements.isEmpty()) {
            return null;
        }
        ArrayNode rendered = JsonNodeFactory.instance.arrayNode();
        elements.values()
                .forEach(payload ->
                        rendered.add(JsonValues.of(list.elementSerde().deserialize(payload))));
        return rendered;
    }

    private Optional<Operator> operator(String uid) {
        return topology.subTopologies().stream()
                .flatMap(sub -> sub.statefulNodes().stream()
                        .filter(node -> node.uid().filter(uid::equals).isPresent())
                        .map(node -> new Operator(uid, sub, keySerdeOf(node))))
                .findFirst();
    }

    /** The key serde of the keyed stream an operator reads: the nearest keyBy upstream of it. */
    private static Serde<Object> keySerdeOf(Transformation operator) {
        Deque<Transformation> toVisit = new ArrayDeque<>(List.of(operator));
        while (!toVisit.isEmpty()) {
            Transformation node = toVisit.removeFirst();
            if (node instanceof KeyByTransformation keyBy) {
                return keyBy.keySerde();
            }
            toVisit.addAll(node.inputs());
        }
        throw new IllegalStateException(
                "operator " + operator.uid().orElse(operator.name()) + " has keyed state but reads no keyed stream");
    }
}
