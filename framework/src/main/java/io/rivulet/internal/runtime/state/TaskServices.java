package io.rivulet.internal.runtime.state;

import java.time.InstantSource;

/**
 * What the runtime gives every operator of a task when it is created: where it runs, the task's state, its
 * processing-time clock, the record-scoped effects it takes part in and the sweeper of expiring state. Nothing
 * here changes per record: elements, timestamps and keys travel in {@link StreamRecord}s.
 *
 * @param state the task's state; null when the task has no stateful operator
 * @param schemas the writer schemas restored states were written with, which their serdes are checked against
 * @param lateRecords the late elements the task's operators meet, counted as their records commit
 * @param queryable where the operators' keyed states are registered for interactive queries
 */
public record TaskServices(
        TaskId taskId,
        RecordState state,
        InstantSource clock,
        RecordEffects effects,
        StateSweeper sweeper,
        StateSchemas schemas,
        LateRecords lateRecords,
        QueryableStates queryable) {

    public TaskServices(TaskId taskId, RecordState state, InstantSource clock) {
        this(taskId, state, clock, StateSchemas.NONE);
    }

    public TaskServices(TaskId taskId, RecordState state, InstantSource clock, StateSchemas schemas) {
        this(taskId, state, clock, schemas, QueryableStates.NONE);
    }

    public TaskServices(
            TaskId taskId, RecordState state, InstantSource clock, StateSchemas schemas, QueryableStates queryable) {
        this(taskId, state, clock, new RecordEffects(), new StateSweeper(), schemas, new LateRecords(), queryable);
        if (state != null) {
            effects.register(state);
        }
        effects.register(lateRecords);
    }

    /** The processing-time clock: the system clock in a service, a manual one in tests. */
    public long currentProcessingTime() {
        return clock.millis();
    }
}
