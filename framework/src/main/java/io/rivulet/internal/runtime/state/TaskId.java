package io.rivulet.internal.runtime.state;

/** A sub-topology on one partition index: the unit of state, parallelism and recovery. Printed as {@code 1_3}. */
public record TaskId(int subTopology, int partition) {

    @Override
    public String toString() {
        return subTopology + "_" + partition;
    }
}
