package io.rivulet.internal.runtime;

/** Carries a checked exception of a downstream operator through a {@code Collector}; unwrapped by the task. */
final class DownstreamException extends RuntimeException {

    DownstreamException(Exception cause) {
        super(cause);
    }
}
