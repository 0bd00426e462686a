package io.rivulet.internal.runtime.task;

/** An error that stops the service: a bad record under the {@code fail} policy, or a broken setup. */
public class StreamsFatalException extends RuntimeException {

    public StreamsFatalException(String message, Throwable cause) {
        super(message, cause);
    }

    public StreamsFatalException(String message) {
        super(message);
    }
}
