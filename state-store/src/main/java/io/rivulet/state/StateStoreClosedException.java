package io.rivulet.state;

/** A read of committed state found the store closed: its task moved to another owner, or the job stops. */
public class StateStoreClosedException extends StateStoreException {

    public StateStoreClosedException(String message) {
        super(message);
    }
}
