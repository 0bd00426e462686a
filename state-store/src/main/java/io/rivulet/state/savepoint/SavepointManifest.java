package io.rivulet.state.savepoint;

import java.time.Instant;
import java.util.List;

/**
 * What a savepoint holds, written last so that a directory with a manifest is complete: format version, which
 * application took it and when, where every task stood, and one data file per operator state.
 *
 * @param version the format version, {@link SavepointWriter#FORMAT_VERSION} for what this build writes
 * @param id the savepoint's id
 * @param applicationId the application (consumer group) that took it
 * @param created when it was completed
 * @param tasks where each task stood
 * @param states the states, each with its data file, entry count, size and checksum
 */
public record SavepointManifest(
        int version, String id, String applicationId, Instant created, List<TaskPosition> tasks, List<State> states) {

    public SavepointManifest {
        tasks = List.copyOf(tasks);
        states = List.copyOf(states);
    }

    /**
     * One state of one operator.
     *
     * @param operatorUid the operator's uid, what an upgraded job's operators are matched by
     * @param name the state's name within the operator
     * @param file the data file, relative to the savepoint directory
     * @param entries how many entries the file holds
     * @param bytes the file's size
     * @param crc32c the CRC-32C of the file's bytes
     */
    public record State(String operatorUid, String name, String file, long entries, long bytes, long crc32c) {}
}
