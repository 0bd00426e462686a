package io.rivulet.api.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.rivulet.api.query.KeyedStateQueries;

/**
 * A job started from plain Java with {@link Rivulet#start}: the handle to wait for it, watch it and stop it,
 * like Flink's {@code JobClient} or a {@code KafkaStreams} instance. The job's stream threads run in this JVM
 * until {@link #close()} is called or one of them fails; they are not daemon threads, so an application must
 * close the job (a shutdown hook will do) for the JVM to exit.
 *
 * <p>States, in the order a job goes through them: {@link State#REBALANCING} → {@link State#RUNNING} (and back
 * to {@code REBALANCING} while a rebalance brings it tasks to restore) → {@link State#CLOSING} →
 * {@link State#CLOSED}; from any state but {@code CLOSED}, a stream thread that fails for good moves the job to
 * {@link State#FAILED}. {@code CLOSED} and {@code FAILED} are terminal: a job is not restarted, a new one is
 * started instead (it resumes from the committed offsets and state).
 *
 * <p>Every method may be called from any thread.
 */
public interface RunningJob extends AutoCloseable {

    /** The state of a job, and of each of its stream threads in {@link JobHealth#threads()}. */
    enum State {
        /**
         * Joining the consumer group, or restoring the state of assigned tasks from their changelogs: not every
         * task assigned to this instance processes records yet. A job starts in this state.
         */
        REBALANCING,
        /** Every stream thread has joined the group, and every task assigned to this instance is restored and processing. */
        RUNNING,
        /** {@link #close()} was called: the stream threads commit, close their tasks and leave the group. */
        CLOSING,
        /** Closed: no thread runs, the state stores and clients are released. Terminal. */
        CLOSED,
        /**
         * A stream thread failed for good ({@link #failure()} says why): a record failed under
         * {@code rivulet.errors.*=fail}, or the setup broke. That thread's open transaction is aborted, so nothing of
         * the failed record is committed; the job stops its other threads, which commit and leave the group. Terminal.
         */
        FAILED
    }

    /** The job's state now. */
    State state();

    /** A snapshot of the job's threads, tasks and restore progress, as {@code /q/health} shows it for a service. */
    JobHealth health();

    /** Why the job failed: present exactly when the state is {@link State#FAILED}. */
    Optional<Throwable> failure();

    /**
     * Waits until the job is {@link State#RUNNING}: every stream thread has joined the consumer group and every task
     * assigned to this instance is restored and processing. Returns at once if it is running already.
     *
     * @return {@code true} once the job runs; {@code false} if {@code timeout} passed first
     * @throws IllegalStateException if the job failed (with the failure as its cause) or was closed before it ran
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitReady(Duration timeout) throws InterruptedException;

    /**
     * Waits until the job has stopped: closed, or failed and its other threads stopped. After that, nothing of the
     * job runs and {@link #state()} is {@link State#CLOSED} or {@link State#FAILED}.
     *
     * @return {@code true} once the job has stopped; {@code false} if {@code timeout} passed first
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /**
     * Waits, without a deadline, until the job has stopped, as {@link #awaitTermination(Duration)} does: what a
     * {@code main} method calls to run the job for the life of the process.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void awaitTermination() throws InterruptedException;

    /**
     * Starts a savepoint of the whole job — every task on every instance of its group — into a new directory under
     * {@code targetDirectory}, which this process writes alone; returns at once. With {@code stop} the job stops
     * once the savepoint is complete: nothing more is processed or committed on any instance, until the application
     * is started from a savepoint ({@code rivulet.savepoint.restore-from}).
     *
     * @return the savepoint's id, for {@link #savepoint(String)} and {@link #awaitSavepoint}
     * @throws IllegalStateException if a savepoint is in progress or the job stopped at one
     */
    String triggerSavepoint(Path targetDirectory, boolean stop);

    /** A savepoint taken by any instance of the group, as this instance knows it; empty for an unknown id. */
    Optional<SavepointInfo> savepoint(String id);

    /**
     * Waits until a savepoint is complete or failed.
     *
     * @return the savepoint, {@link SavepointInfo.Status#COMPLETED} or {@link SavepointInfo.Status#FAILED}
     * @throws IllegalStateException if it is still in progress after {@code timeout}
     * @throws InterruptedException if the waiting thread is interrupted
     */
    SavepointInfo awaitSavepoint(String id, Duration timeout) throws InterruptedException;

    /** Interactive queries of the job's keyed state: committed values of the keys this instance holds. */
    KeyedStateQueries stateQueries();

    /**
     * Stops the job cleanly and returns when it has stopped: every stream thread commits what it processed,
     * closes its tasks and leaves the consumer group (so its partitions move at once rather than after a session
     * timeout), and the state stores are closed. Idempotent; a call while the job closes, or stops after a failure,
     * waits for that to finish. The state becomes {@link State#CLOSED}, unless the job had failed.
     */
    @Override
    void close();
}
