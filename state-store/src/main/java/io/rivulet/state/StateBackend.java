package io.rivulet.state;

/** Opens the state stores of tasks; one instance per service. */
public interface StateBackend extends AutoCloseable {

    /**
     * Opens (creating if absent) the store of one task.
     *
     * @throws StateStoreLockedException if another thread or process has it open
     */
    TaskStateStore open(String taskId);

    /** Deletes the local state of a task that is not open. */
    void delete(String taskId);

    @Override
    void close();
}
