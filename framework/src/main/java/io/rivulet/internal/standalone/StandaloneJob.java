package io.rivulet.internal.standalone;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.rivulet.api.job.JobHealth;
import io.rivulet.api.job.RunningJob;
import io.rivulet.api.job.SavepointInfo;
import io.rivulet.api.query.KeyedStateQueries;
import io.rivulet.internal.config.RivuletSettings;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.runtime.RuntimeConfig;
import io.rivulet.internal.runtime.StreamsRuntime;

/** A job started from plain Java: the runtime, and the state around it that a Quarkus service keeps in its lifecycle. */
public final class StandaloneJob implements RunningJob {

    /** Readiness is a property of the threads, not an event; waiting polls it this often (and wakes on failure or close). */
    private static final long POLL_MILLIS = 20;

    private final Object monitor = new Object();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final String applicationId;
    private volatile StreamsRuntime runtime;
    private volatile Throwable failure;

    private StandaloneJob(String applicationId) {
        this.applicationId = applicationId;
    }

    public static RunningJob start(JobGraph graph, Map<String, String> properties) {
        RuntimeConfig config = RivuletSettings.standalone(properties);
        StandaloneJob job = new StandaloneJob(config.applicationId());
        job.runtime = StreamsRuntime.start(config, graph, job::failed);
        // A thread may have failed before the runtime was handed over; whichever side comes second stops the job.
        if (job.failure != null) {
            job.stopInBackground();
        }
        return job;
    }

    /** Called once, from the stream thread that failed: it cannot close the runtime itself, which joins every thread. */
    private void failed(Throwable error) {
        failure = error;
        wakeWaiters();
        if (runtime != null) {
            stopInBackground();
        }
    }

    private void stopInBackground() {
        new Thread(this::stop, applicationId + "-stop-after-failure").start();
    }

    /** Closes the runtime once; a second caller waits for the first. */
    private void stop() {
        if (stopping.compareAndSet(false, true)) {
            wakeWaiters();
            try {
                runtime.close();
            } finally {
                terminated.countDown();
                wakeWaiters();
            }
        } else {
            awaitTerminationUninterruptibly();
        }
    }

    private void wakeWaiters() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    @Override
    public State state() {
        if (failure != null) {
            return State.FAILED;
        }
        if (stopping.get()) {
            return terminated.getCount() == 0 ? State.CLOSED : State.CLOSING;
        }
        return runtime.health().ready() ? State.RUNNING : State.REBALANCING;
    }

    @Override
    public JobHealth health() {
        return runtime.health();
    }

    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (true) {
                State state = state();
                if (state == State.RUNNING) {
                    return true;
                }
                if (state == State.FAILED) {
                    throw new IllegalStateException(
                            "job " + applicationId + " failed: " + failure.getMessage(), failure);
                }
                if (state == State.CLOSING || state == State.CLOSED) {
                    throw new IllegalStateException("job " + applicationId + " was closed before it ran");
                }
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    return false;
                }
                monitor.wait(Math.min(remainingMillis, POLL_MILLIS));
            }
        }
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    @Override
    public String triggerSavepoint(Path targetDirectory, boolean stop) {
        return runtime.triggerSavepoint(targetDirectory, stop);
    }

    @Override
    public Optional<SavepointInfo> savepoint(String id) {
        return runtime.savepoint(id);
    }

    @Override
    public KeyedStateQueries stateQueries() {
        return runtime.stateQueries();
    }

    @Override
    public SavepointInfo awaitSavepoint(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<SavepointInfo> info = savepoint(id);
            if (info.isPresent() && info.get().status() != SavepointInfo.Status.IN_PROGRESS) {
                return info.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("savepoint " + id + " is still in progress after " + timeout);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitTerminationUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                terminated.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "RunningJob[" + applicationId + ", " + state() + "]";
    }
}
