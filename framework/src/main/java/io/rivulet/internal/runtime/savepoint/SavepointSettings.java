package io.rivulet.internal.runtime.savepoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a job takes and starts from savepoints.
 *
 * @param restoreFrom the savepoint to start from ({@code rivulet.savepoint.restore-from}); restored once per
 *     application
 * @param allowNonRestoredState whether savepoint state of operators the job no longer has is skipped rather than
 *     refused
 * @param timeout how long a savepoint may take before it fails and the job resumes
 */
public record SavepointSettings(Optional<Path> restoreFrom, boolean allowNonRestoredState, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** No savepoint to start from; savepoints may be taken with the default timeout. */
    public static final SavepointSettings DEFAULTS = new SavepointSettings(Optional.empty(), false, DEFAULT_TIMEOUT);
}
