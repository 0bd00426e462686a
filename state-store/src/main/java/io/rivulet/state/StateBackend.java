package io.rivulet.state;

import java.util.Map;

/** Opens the state stores of tasks; one instance per service. */
public interface StateBackend extends AutoCloseable {

    /**
     * Opens (creating if absent) the store of one task.
     *
     * @throws StateStoreLockedException if another thread or process has it open
     */
    TaskStateStore open(String taskId);

    /**
     * The committed changelog offsets (changelog partition → next offset) of every task whose state this backend
     * holds but that is not open, by task id, as the store had them when it last closed: what a starting process
     * tells its group about the state it could resume without a full restore. The offsets may be older than the
     * state, never newer.
     */
    Map<String, Map<String, Long>> closedTaskOffsets();

    /** Deletes the local state of a task that is not open. */
    void delete(String taskId);

    @Override
    void close();
}
