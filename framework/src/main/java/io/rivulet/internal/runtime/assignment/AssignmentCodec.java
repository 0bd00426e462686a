package io.rivulet.internal.runtime.assignment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bytes Rivulet adds to the group protocol, as versioned JSON: a member's subscription says which instance it
 * belongs to and where it serves; an assignment says where every instance serves and what it holds. Each carries
 * the bytes of the partition placement it wraps, untouched.
 */
final class AssignmentCodec {

    /** Bumped when a field changes meaning; a newer reader still reads the versions before it. */
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a member tells the leader when it joins.
     *
     * @param advertisedUrl null for a job started without HTTP
     */
    record SubscriptionInfo(int version, String processId, String advertisedUrl, byte[] placement) {}

    /** One instance in an assignment, as it travels. */
    record Location(String processId, String advertisedUrl, List<String> partitions) {

        static Location of(InstanceLocation location) {
            return new Location(location.processId(), location.advertisedUrl().orElse(null), location.partitions());
        }

        InstanceLocation toInstanceLocation() {
            return new InstanceLocation(processId, Optional.ofNullable(advertisedUrl), List.copyOf(partitions));
        }
    }

    /** What the leader tells every member: the whole group's locations. */
    record AssignmentInfo(int version, List<Location> instances, byte[] placement) {}

    private AssignmentCodec() {}

    static ByteBuffer encode(Object info) {
        try {
            return ByteBuffer.wrap(JSON.writeValueAsBytes(info));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T decode(ByteBuffer bytes, Class<T> type) {
        byte[] array = new byte[bytes.remaining()];
        bytes.duplicate().get(array);
        try {
            return JSON.readValue(array, type);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "a member of the group sent " + type.getSimpleName() + " that this version cannot read"
                            + " (is another application using the same application id?): " + e.getMessage(),
                    e);
        }
    }

    /** The placement's own bytes, or null: what a {@link ByteBuffer} of the wrapped assignor reads back as. */
    static byte[] bytes(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        byte[] array = new byte[buffer.remaining()];
        buffer.duplicate().get(array);
        return array;
    }

    static ByteBuffer buffer(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }
}
