package io.rivulet.internal.runtime.assignment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bytes Rivulet adds to the group protocol, as versioned JSON: a member's subscription says which instance it
 * belongs to, where it serves, and which task state that instance holds; an assignment says where every instance
 * serves and what it holds, and which replicas the member keeps. Unknown fields are ignored, so that a member of
 * the next version can read this one's and the other way round during a rolling upgrade.
 */
final class AssignmentCodec {

    /** Bumped when a field changes meaning; a newer reader still reads the versions before it. */
    static final int VERSION = 2;

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * What a member tells the leader when it joins.
     *
     * @param advertisedUrl null for a job started without HTTP
     * @param taskOffsets per task id, the sum of the committed changelog offsets of the instance's local copy
     * @param replicas the task ids of the standby and warm-up replicas this member holds
     */
    record SubscriptionInfo(
            int version, String processId, String advertisedUrl, Map<String, Long> taskOffsets, List<String> replicas) {

        SubscriptionInfo {
            taskOffsets = taskOffsets == null ? Map.of() : taskOffsets;
            replicas = replicas == null ? List.of() : replicas;
        }
    }

    /** One instance in an assignment, as it travels: the partitions its tasks read, and those of its replicas. */
    record Location(String processId, String advertisedUrl, List<String> partitions, List<String> standbyPartitions) {

        Location {
            standbyPartitions = standbyPartitions == null ? List.of() : standbyPartitions;
        }

        InstanceLocation toInstanceLocation() {
            return new InstanceLocation(
                    processId,
                    Optional.ofNullable(advertisedUrl),
                    List.copyOf(partitions),
                    List.copyOf(standbyPartitions));
        }
    }

    /**
     * What the leader tells a member: the whole group's locations, and the task ids of the standbys and warm-ups
     * the member is to keep.
     */
    record AssignmentInfo(int version, List<Location> instances, List<String> standbys, List<String> warmups) {

        AssignmentInfo {
            standbys = standbys == null ? List.of() : standbys;
            warmups = warmups == null ? List.of() : warmups;
        }
    }

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
}
