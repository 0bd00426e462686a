package io.rivulet.internal.runtime.window;

import java.util.ArrayList;
import java.util.List;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.evictors.TimestampedValue;
import io.rivulet.internal.operators.TimestampedElementsSerde;
import io.rivulet.internal.runtime.state.TaskServices;

/**
 * A window that keeps its elements with their timestamps, in arrival order: for {@code process} and for
 * windows with an evictor. Stored as one value of {@code [timestamp][length][element]...} entries.
 */
public final class ListWindowContents extends StoredWindowContents<List<TimestampedValue<Object>>> {

    @SuppressWarnings("unchecked")
    public ListWindowContents(TaskServices services, String stateName, Serde<Object> elementSerde) {
        super(services, stateName, (Serde<List<TimestampedValue<Object>>>)
                (Serde<?>) new TimestampedElementsSerde(elementSerde));
    }

    @Override
    public void add(byte[] namespace, Object element, long timestamp) {
        List<TimestampedValue<Object>> elements = get(namespace);
        List<TimestampedValue<Object>> updated = elements == null ? new ArrayList<>() : elements;
        updated.add(new TimestampedValue<>(element, timestamp));
        put(namespace, updated);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object combine(Object left, Object right) {
        List<TimestampedValue<Object>> combined = new ArrayList<>((List<TimestampedValue<Object>>) left);
        combined.addAll((List<TimestampedValue<Object>>) right);
        return combined;
    }
}
