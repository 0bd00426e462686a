package io.rivulet.internal.graph;

import io.rivulet.api.functions.KeySelector;
import io.rivulet.api.serde.Serde;

/**
 * A shuffle by key: the elements are written to an internal repartition topic, partitioned by the key's
 * bytes, and read back by the tasks of the next sub-topology.
 */
public final class KeyByTransformation extends Transformation {

    private final int ordinal;
    private final KeySelector<Object, Object> keySelector;
    private final Serde<Object> keySerde;
    private final Serde<Object> valueSerde;
    private Transformation broadcastInput;
    private boolean forward;

    public KeyByTransformation(
            int id,
            Transformation input,
            int ordinal,
            KeySelector<Object, Object> keySelector,
            Serde<Object> keySerde,
            Serde<Object> valueSerde) {
        super(id, input, "keyBy-" + ordinal);
        this.ordinal = ordinal;
        this.keySelector = keySelector;
        this.keySerde = keySerde;
        this.valueSerde = valueSerde;
    }

    /** Position among the job's keyBy calls, in definition order: it names the repartition topic. */
    public int ordinal() {
        return ordinal;
    }

    public KeySelector<Object, Object> keySelector() {
        return keySelector;
    }

    public Serde<Object> keySerde() {
        return keySerde;
    }

    public Serde<Object> valueSerde() {
        return valueSerde;
    }

    /**
     * Marks the input (of the union this keyBy reads) whose elements go to every partition instead of their
     * key's, and whose tasks do not take part in event time downstream.
     */
    public void broadcastInput(Transformation input) {
        this.broadcastInput = input;
    }

    /**
     * Makes this a forward shuffle: elements keep the partition index of the task that writes them (there is no
     * key), for a stream that is not keyed but must pass through a topic, as to meet a broadcast input.
     */
    public void forward() {
        this.forward = true;
    }

    public boolean isForward() {
        return forward;
    }

    /** The broadcast input, or null. */
    public Transformation broadcastInput() {
        return broadcastInput;
    }

    /** Whether the sub-topology made of {@code nodes} writes keyed elements (and watermarks) here. */
    public boolean writesKeyedFrom(java.util.Collection<Transformation> nodes) {
        if (broadcastInput == null) {
            return true;
        }
        return input().orElseThrow().inputs().stream().anyMatch(in -> in != broadcastInput && nodes.contains(in));
    }
}
