package io.rivulet.internal.runtime.node;

/** Carries a checked exception of a downstream operator through a {@code Collector}; unwrapped by the task. */
public final class DownstreamException extends RuntimeException {

    public DownstreamException(Exception cause) {
        super(cause);
    }
}
