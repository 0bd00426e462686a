package io.rivulet.internal.runtime.assignment;

import java.util.List;
import java.util.Optional;

/**
 * Where an instance of the group serves: what every member learns of the others from the group's assignment.
 *
 * @param processId the instance's process id, kept in its state directory
 * @param advertisedUrl the base URL its HTTP endpoints answer on ({@code rivulet.advertised-url}); empty for a job
 *     started without HTTP
 * @param partitions the partitions assigned to its stream threads ({@code topic-partition})
 * @param standbyPartitions the input partitions of the tasks it keeps standby or warm-up replicas of
 */
public record InstanceLocation(
        String processId, Optional<String> advertisedUrl, List<String> partitions, List<String> standbyPartitions) {}
