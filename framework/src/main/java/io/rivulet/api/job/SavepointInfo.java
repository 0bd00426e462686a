package io.rivulet.api.job;

import java.time.Instant;
import java.util.Optional;

/**
 * A savepoint of a job, as any instance of its group sees it: what {@code GET /rivulet/savepoints/<id>} answers
 * and {@link RunningJob#savepoint(String)} returns.
 *
 * @param id the savepoint's id
 * @param status where it stands
 * @param requestedAt when it was requested
 * @param location its directory, once {@link Status#COMPLETED}
 * @param failure why it failed, once {@link Status#FAILED}
 * @param stop whether the job stops (stopped) once it is complete
 */
public record SavepointInfo(
        String id,
        Status status,
        Instant requestedAt,
        Optional<String> location,
        Optional<String> failure,
        boolean stop) {

    public enum Status {
        /** Being taken: the group drains, freezes and the savepoint is written. */
        IN_PROGRESS,
        /** Complete: {@link #location()} holds it. */
        COMPLETED,
        /** Not taken: {@link #failure()} says why; the job resumed. */
        FAILED
    }
}
