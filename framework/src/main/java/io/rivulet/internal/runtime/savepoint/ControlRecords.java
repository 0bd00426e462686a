package io.rivulet.internal.runtime.savepoint;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The records of an application's control topic, as JSON. The record key says what a record is:
 * {@code savepoint/<id>} the status of a savepoint (the last one wins), {@code report/<id>/<round>/<phase>/<member>}
 * a group member's answer to a phase, {@code restore/<savepoint id>} that the application restored a savepoint,
 * {@code schema/<fingerprint>} an Avro writer schema, {@code state-schemas/<uid>/<state>} a restored state's.
 */
public final class ControlRecords {

    private ControlRecords() {}

    public enum Status {
        IN_PROGRESS,
        COMPLETED,
        FAILED
    }

    /**
     * What the members are asked to do while a savepoint is taken: first stop reading the input topics and
     * drain what is in flight, then stop processing altogether while the savepoint is written.
     */
    public enum Phase {
        DRAIN,
        FREEZE
    }

    /**
     * A savepoint's status.
     *
     * @param phase what the members do now; null once completed or failed
     * @param round counts the attempts to reach a quiet group (a phase repeated after records kept arriving)
     * @param requestedAt epoch ms; members give up waiting for a coordinator that stays silent past the timeout
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SavepointStatus(
            String id,
            Status status,
            Phase phase,
            int round,
            String targetDirectory,
            boolean stop,
            String location,
            String failure,
            long requestedAt) {

        static String key(String id) {
            return "savepoint/" + id;
        }

        SavepointStatus next(Phase nextPhase, int nextRound) {
            return new SavepointStatus(
                    id, Status.IN_PROGRESS, nextPhase, nextRound, targetDirectory, stop, null, null, requestedAt);
        }

        SavepointStatus completed(String at) {
            return new SavepointStatus(id, Status.COMPLETED, null, round, targetDirectory, stop, at, null, requestedAt);
        }

        SavepointStatus failed(String why) {
            return new SavepointStatus(id, Status.FAILED, null, round, targetDirectory, stop, null, why, requestedAt);
        }
    }

    /**
     * A member's (stream thread's) answer to a phase.
     *
     * @param member the consumer's member id in the application's group
     * @param quiet whether, when it answered, it had no record queued, nothing uncommitted, and had read every
     *     repartition partition it owns up to its end
     * @param inputPartitions the input (not repartition) partitions it owns, all paused
     * @param repartitionEnds for each repartition partition it owns, the end it had read up to
     */
    public record MemberReport(
            String savepointId,
            int round,
            Phase phase,
            String member,
            boolean quiet,
            List<String> inputPartitions,
            Map<String, Long> repartitionEnds) {

        static String key(String savepointId, int round, Phase phase, String member) {
            return "report/" + savepointId + "/" + round + "/" + phase + "/" + member;
        }
    }

    /**
     * The application restored a savepoint: written in the transaction that wrote the restored state, so it is
     * there exactly when the restore is complete.
     */
    public record RestoreMarker(String savepointId, String location, long restoredAt) {

        static String key(String savepointId) {
            return "restore/" + savepointId;
        }
    }

    /** An Avro writer schema a serde of the application writes with (or a restored savepoint carried). */
    public record WriterSchema(String fingerprint, String schema) {

        static String key(String fingerprint) {
            return "schema/" + fingerprint;
        }
    }

    /** The writer schemas of a restored state's values, which its serde is checked against when it opens. */
    public record StateWriterSchemas(String state, List<String> fingerprints) {

        static String key(String state) {
            return "state-schemas/" + state;
        }
    }
}
