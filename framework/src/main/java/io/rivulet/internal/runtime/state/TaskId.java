package io.rivulet.internal.runtime.state;

import java.util.Optional;

/** A sub-topology on one partition index: the unit of state, parallelism and recovery. Printed as {@code 1_3}. */
public record TaskId(int subTopology, int partition) implements Comparable<TaskId> {

    /** The task printed as {@code text}; empty if it is not a task id. */
    public static Optional<TaskId> parse(String text) {
        int separator = text.indexOf('_');
        if (separator <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TaskId(
                    Integer.parseInt(text.substring(0, separator)), Integer.parseInt(text.substring(separator + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Sub-topology first, then partition. */
    @Override
    public int compareTo(TaskId other) {
        int bySubTopology = Integer.compare(subTopology, other.subTopology);
        return bySubTopology != 0 ? bySubTopology : Integer.compare(partition, other.partition);
    }

    @Override
    public String toString() {
        return subTopology + "_" + partition;
    }
}
