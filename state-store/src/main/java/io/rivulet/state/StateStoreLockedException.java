package io.rivulet.state;

/** Another thread or process has the task's store open. */
public final class StateStoreLockedException extends StateStoreException {

    public StateStoreLockedException(String message) {
        super(message);
    }
}
