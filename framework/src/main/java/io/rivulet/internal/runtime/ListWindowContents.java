package io.rivulet.internal.runtime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.SerdeException;
import io.rivulet.api.windowing.evictors.TimestampedValue;

/**
 * A window that keeps its elements with their timestamps, in arrival order: for {@code process} and for
 * windows with an evictor. Stored as one value of {@code [timestamp][length][element]...} entries.
 */
final class ListWindowContents extends StoredWindowContents<List<TimestampedValue<Object>>> {

    ListWindowContents(TaskContext context, String stateName, Serde<Object> elementSerde) {
        super(context, stateName, new ElementsSerde(elementSerde));
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

    private record ElementsSerde(Serde<Object> elementSerde) implements Serde<List<TimestampedValue<Object>>> {

        @Override
        public byte[] serialize(List<TimestampedValue<Object>> elements) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (TimestampedValue<Object> element : elements) {
                byte[] bytes = elementSerde.serialize(element.value());
                out.writeBytes(ByteBuffer.allocate(12).putLong(element.timestamp()).putInt(bytes.length).array());
                out.writeBytes(bytes);
            }
            return out.toByteArray();
        }

        @Override
        public List<TimestampedValue<Object>> deserialize(byte[] bytes) {
            List<TimestampedValue<Object>> elements = new ArrayList<>();
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (buffer.remaining() < 12) {
                    throw new SerdeException("truncated window contents: " + buffer.remaining() + " stray bytes");
                }
                long timestamp = buffer.getLong();
                byte[] element = new byte[buffer.getInt()];
                buffer.get(element);
                elements.add(new TimestampedValue<>(elementSerde.deserialize(element), timestamp));
            }
            return elements;
        }
    }
}
