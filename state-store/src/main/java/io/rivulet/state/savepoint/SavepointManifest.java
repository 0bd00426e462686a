package io.rivulet.state.savepoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * @param schemas the Avro writer schemas the job's values were written with: fingerprint (16 hex digits of the
 *     CRC-64-AVRO fingerprint) → schema JSON
 */
public record SavepointManifest(
        int version,
        String id,
        String applicationId,
        Instant created,
        List<TaskPosition> tasks,
        List<State> states,
        Map<String, String> schemas) {

    public SavepointManifest {
        tasks = List.copyOf(tasks);
        states = List.copyOf(states);
        schemas = Map.copyOf(schemas);
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
     * @param writerSchemas the fingerprints of the {@link SavepointManifest#schemas} its values were written with
     */
    public record State(
            String operatorUid,
            String name,
            String file,
            long entries,
            long bytes,
            long crc32c,
            List<String> writerSchemas) {

        public State {
            writerSchemas = List.copyOf(writerSchemas);
        }
    }
}
