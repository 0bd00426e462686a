package io.rivulet.api.job;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A snapshot of a job's health: what a service's {@code /q/health} reports and {@link RunningJob#health()}
 * returns. Immutable.
 *
 * @param threads every stream thread of this instance, in start order
 * @param tasks every task assigned to this instance, by id, as of the job's last watermark emission (every
 *        {@code rivulet.auto-watermark-interval})
 * @param restoredRecords changelog records applied to the local state stores since the job started
 * @param stoppedAtSavepoint the id of the savepoint the job stopped at ({@code "stop": true}): it processes and
 *        commits nothing until it is started from a savepoint
 */
public record JobHealth(
        List<ThreadHealth> threads, List<TaskHealth> tasks, long restoredRecords, Optional<String> stoppedAtSavepoint) {

    public JobHealth {
        threads = List.copyOf(threads);
        tasks = List.copyOf(tasks);
    }

    /** {@code false} once a stream thread died of an error: the liveness of a service. */
    public boolean alive() {
        return threads.stream().noneMatch(thread -> thread.state() == RunningJob.State.FAILED);
    }

    /**
     * {@code true} while every stream thread is {@link RunningJob.State#RUNNING}: it has joined the group and every
     * task assigned to it is restored and processing; {@code false} once the job stopped at a savepoint. The
     * readiness of a service.
     */
    public boolean ready() {
        return stoppedAtSavepoint.isEmpty()
                && !threads.isEmpty()
                && threads.stream().allMatch(thread -> thread.state() == RunningJob.State.RUNNING);
    }

    /**
     * One stream thread.
     *
     * @param name {@code <application-id>-StreamThread-<n>}
     * @param state the thread's state, in the words of the job's: {@code REBALANCING} while it joins the group or
     *        restores tasks, {@code RUNNING}, {@code CLOSING}, {@code CLOSED}, or {@code FAILED} if it died of an error
     * @param taskCount the tasks assigned to it
     */
    public record ThreadHealth(String name, RunningJob.State state, int taskCount) {}

    /**
     * One task: a sub-topology on one partition.
     *
     * @param id {@code <sub-topology>_<partition>}, e.g. {@code 1_0}
     * @param watermark the task's event-time watermark; empty while it has none yet (no element has arrived that
     *        its watermark strategy turned into one, or the strategy emits none)
     */
    public record TaskHealth(String id, OptionalLong watermark) {}
}
