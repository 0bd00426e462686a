package io.rivulet.api.serde;

/** Bytes that are not a valid encoding for a serde, or a value that cannot be encoded. */
public class SerdeException extends RuntimeException {

    public SerdeException(String message, Throwable cause) {
        super(message, cause);
    }

    public SerdeException(String message) {
        super(message);
    }
}
