package io.rivulet.api.savepoint;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import io.rivulet.api.serde.Serde;
import io.rivulet.internal.state.StateKeys;
import io.rivulet.state.savepoint.SavepointEntry;
import io.rivulet.state.savepoint.SavepointWriter;
import io.rivulet.state.savepoint.TaskPosition;

/**
 * Writes a savepoint from data, to start a new job with state it did not build itself (bootstrapping from a
 * database export, a migration, a test): keyed state of operators by uid and name, and optionally where each
 * input partition starts (by default at its beginning). A job started from it with
 * {@code rivulet.savepoint.restore-from} finds the values as if it had written them, each key in the task it
 * belongs to, on any partition count.
 *
 * <pre>{@code
 * SavepointBuilder.newSavepoint("wordcount")
 *         .withValueState("count-per-word", "count", Serdes.string(), Serdes.longs(), Map.of("kafka", 3L))
 *         .write(Path.of("/savepoints/bootstrap"));
 * }</pre>
 */
public final class SavepointBuilder {

    private final String applicationId;
    private final List<StateData> states = new ArrayList<>();
    private final Map<String, Long> inputOffsets = new TreeMap<>();

    private record StateData(String uid, String name, List<SavepointEntry> entries) {}

    private SavepointBuilder(String applicationId) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
    }

    /** @param applicationId the application the savepoint is for (informational: any application may restore it) */
    public static SavepointBuilder newSavepoint(String applicationId) {
        return new SavepointBuilder(applicationId);
    }

    /** A keyed {@code ValueState} (or the accumulator of a reducing or aggregating state), without time to live. */
    public <K, V> SavepointBuilder withValueState(
            String uid, String name, Serde<K> keySerde, Serde<V> valueSerde, Map<K, V> values) {
        List<SavepointEntry> entries = new ArrayList<>();
        values.forEach((key, value) ->
                entries.add(new SavepointEntry(keySerde.serialize(key), new byte[0], valueSerde.serialize(value))));
        return add(uid, name, entries);
    }

    /** A keyed {@code ListState}, without time to live. */
    public <K, T> SavepointBuilder withListState(
            String uid, String name, Serde<K> keySerde, Serde<T> elementSerde, Map<K, List<T>> lists) {
        List<SavepointEntry> elements = new ArrayList<>();
        List<SavepointEntry> sequences = new ArrayList<>();
        lists.forEach((key, list) -> {
            byte[] keyBytes = keySerde.serialize(key);
            long sequence = 0;
            for (T element : list) {
                elements.add(new SavepointEntry(
                        keyBytes,
                        StateKeys.collectionSuffix(ByteBuffer.allocate(Long.BYTES)
                                .putLong(sequence++)
                                .array()),
                        elementSerde.serialize(element)));
            }
            sequences.add(new SavepointEntry(
                    keyBytes,
                    StateKeys.collectionSuffix(new byte[0]),
                    ByteBuffer.allocate(Long.BYTES).putLong(sequence).array()));
        });
        add(uid, name, elements);
        return add(uid, name + StateKeys.LIST_SEQUENCE_SUFFIX, sequences);
    }

    /** A keyed {@code MapState}, without time to live. */
    public <K, MK, MV> SavepointBuilder withMapState(
            String uid,
            String name,
            Serde<K> keySerde,
            Serde<MK> mapKeySerde,
            Serde<MV> mapValueSerde,
            Map<K, Map<MK, MV>> maps) {
        List<SavepointEntry> entries = new ArrayList<>();
        maps.forEach((key, map) -> {
            byte[] keyBytes = keySerde.serialize(key);
            map.forEach((mapKey, value) -> entries.add(new SavepointEntry(
                    keyBytes,
                    StateKeys.collectionSuffix(mapKeySerde.serialize(mapKey)),
                    mapValueSerde.serialize(value))));
        });
        return add(uid, name, entries);
    }

    /** Where a restored job starts reading an input partition; partitions not named start at their beginning. */
    public SavepointBuilder withInputOffset(String topic, int partition, long nextOffset) {
        inputOffsets.put(topic + "-" + partition, nextOffset);
        return this;
    }

    private SavepointBuilder add(String uid, String name, List<SavepointEntry> entries) {
        if (states.stream().anyMatch(s -> s.uid().equals(uid) && s.name().equals(name))) {
            throw new IllegalArgumentException("state '" + name + "' of operator uid '" + uid + "' is added twice");
        }
        states.add(new StateData(uid, name, entries));
        return this;
    }

    /**
     * Writes the savepoint into {@code directory} (new or empty).
     *
     * @return its id
     */
    public String write(Path directory) {
        String id = "savepoint-" + UUID.randomUUID().toString().substring(0, 8);
        try (SavepointWriter writer = SavepointWriter.create(directory, id, applicationId)) {
            writer.addTask(new TaskPosition("input-offsets", inputOffsets, null));
            for (StateData state : states) {
                try (SavepointWriter.StateOutput output = writer.state(state.uid(), state.name())) {
                    state.entries().forEach(output::write);
                }
            }
            writer.complete();
        }
        return id;
    }
}
