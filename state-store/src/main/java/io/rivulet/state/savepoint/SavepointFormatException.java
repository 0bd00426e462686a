package io.rivulet.state.savepoint;

import io.rivulet.state.StateStoreException;

/** A directory is not a complete, intact savepoint of a format version this build reads. */
public final class SavepointFormatException extends StateStoreException {

    private static final long serialVersionUID = 1L;

    public SavepointFormatException(String message) {
        super(message);
    }

    public SavepointFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
