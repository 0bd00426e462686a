package io.rivulet.api.savepoint;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.rivulet.api.serde.Serde;
import io.rivulet.internal.state.StateKeys;
import io.rivulet.state.savepoint.SavepointEntry;
import io.rivulet.state.savepoint.SavepointManifest;
import io.rivulet.state.savepoint.SavepointReader;
import io.rivulet.state.savepoint.TaskPosition;

/**
 * A savepoint opened from plain Java: where the job stood and the keyed state of its operators, read with the
 * serdes the job declares for them. Entries are read as the job stores them — a state with a time to live
 * stores the time of last access before each value, so read such a state with a serde that expects it.
 *
 * <pre>{@code
 * ExistingSavepoint savepoint = ExistingSavepoint.load(Path.of("/savepoints/savepoint-3f9a1c20"));
 * Map<String, Long> counts = savepoint.readValueState("count-per-word", "count", Serdes.string(), Serdes.longs());
 * }</pre>
 */
public final class ExistingSavepoint {

    private final SavepointReader reader;

    private ExistingSavepoint(SavepointReader reader) {
        this.reader = reader;
    }

    /**
     * Opens a savepoint directory, checking its manifest.
     *
     * @throws IllegalArgumentException (a {@code SavepointFormatException}) naming what is wrong with it
     */
    public static ExistingSavepoint load(Path directory) {
        return new ExistingSavepoint(SavepointReader.open(directory));
    }

    public String id() {
        return reader.manifest().id();
    }

    public String applicationId() {
        return reader.manifest().applicationId();
    }

    /** The next offset to read of each input partition ({@code <topic>-<partition>}) that had been read from. */
    public Map<String, Long> inputOffsets() {
        Map<String, Long> offsets = new TreeMap<>();
        for (TaskPosition task : reader.manifest().tasks()) {
            offsets.putAll(task.inputOffsets());
        }
        return offsets;
    }

    /** The states in the savepoint, as {@code <operator uid>/<state name>}. */
    public List<String> states() {
        return reader.manifest().states().stream()
                .map(state -> state.operatorUid() + "/" + state.name())
                .toList();
    }

    /** A keyed {@code ValueState} (or reducing or aggregating state, whose value is its accumulator): key → value. */
    public <K, V> Map<K, V> readValueState(String uid, String name, Serde<K> keySerde, Serde<V> valueSerde) {
        Map<K, V> values = new LinkedHashMap<>();
        forEach(
                uid,
                name,
                entry -> values.put(keySerde.deserialize(entry.partitionKey()), valueSerde.deserialize(entry.value())));
        return values;
    }

    /** A keyed {@code ListState}: key → its elements, in the order they were added. */
    public <K, T> Map<K, List<T>> readListState(String uid, String name, Serde<K> keySerde, Serde<T> elementSerde) {
        Map<K, TreeMap<Long, T>> bySequence = new LinkedHashMap<>();
        forEach(uid, name, entry -> {
            long sequence =
                    ByteBuffer.wrap(StateKeys.collectionEntry(entry.key())).getLong();
            bySequence
                    .computeIfAbsent(keySerde.deserialize(entry.partitionKey()), k -> new TreeMap<>())
                    .put(sequence, elementSerde.deserialize(entry.value()));
        });
        Map<K, List<T>> lists = new LinkedHashMap<>();
        bySequence.forEach((key, elements) -> lists.put(key, new ArrayList<>(elements.values())));
        return lists;
    }

    /** A keyed {@code MapState}: key → its map. */
    public <K, MK, MV> Map<K, Map<MK, MV>> readMapState(
            String uid, String name, Serde<K> keySerde, Serde<MK> mapKeySerde, Serde<MV> mapValueSerde) {
        Map<K, Map<MK, MV>> maps = new LinkedHashMap<>();
        forEach(
                uid,
                name,
                entry -> maps.computeIfAbsent(keySerde.deserialize(entry.partitionKey()), k -> new HashMap<>())
                        .put(
                                mapKeySerde.deserialize(StateKeys.collectionEntry(entry.key())),
                                mapValueSerde.deserialize(entry.value())));
        return maps;
    }

    private void forEach(String uid, String name, java.util.function.Consumer<SavepointEntry> consumer) {
        SavepointManifest.State state = reader.state(uid, name)
                .orElseThrow(() -> new IllegalArgumentException("savepoint " + id() + " has no state '" + name
                        + "' of operator uid '" + uid + "'; it has " + states()));
        reader.forEach(state, entry -> {
            if (entry.partitionKey() == null) {
                throw new IllegalArgumentException("state '" + name + "' of operator uid '" + uid
                        + "' is operator or broadcast state, not keyed state");
            }
            consumer.accept(entry);
        });
    }
}
