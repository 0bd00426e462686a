package io.rivulet.internal.runtime.assignment;

import io.rivulet.internal.runtime.task.TaskTopology;

/**
 * What every stream thread's assignor shares in one instance: where the group's instances are, the job's tasks,
 * the state this instance holds, how to measure changelog ends, and the placement settings.
 */
public record AssignmentContext(
        GroupLocations locations,
        TaskTopology tasks,
        LocalTaskOffsets offsets,
        ChangelogEnds changelogEnds,
        AssignmentSettings settings) {}
