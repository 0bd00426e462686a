package io.rivulet.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import io.rivulet.api.job.JobHealth;
import io.rivulet.api.job.RunningJob;
import io.rivulet.internal.runtime.metrics.RuntimeMetrics;
import io.rivulet.internal.runtime.thread.StreamThread;

/** The public health of a runtime's stream threads, in the words of {@link RunningJob.State}. */
final class HealthSnapshot {

    private HealthSnapshot() {}

    static JobHealth of(List<StreamThread> streamThreads, RuntimeMetrics metrics, Optional<String> stoppedAtSavepoint) {
        List<JobHealth.ThreadHealth> threads = new ArrayList<>();
        Map<String, Long> watermarks = new TreeMap<>();
        for (StreamThread thread : streamThreads) {
            StreamThread.Snapshot snapshot = thread.snapshot();
            threads.add(new JobHealth.ThreadHealth(
                    thread.name(), stateOf(thread.failure(), snapshot), snapshot.taskCount()));
            watermarks.putAll(snapshot.watermarks());
        }
        List<JobHealth.TaskHealth> tasks = new ArrayList<>();
        // Long.MIN_VALUE is the watermark tracker's "nothing yet", never a watermark an input produced.
        watermarks.forEach((task, watermark) -> tasks.add(new JobHealth.TaskHealth(
                task, watermark == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(watermark))));
        return new JobHealth(threads, tasks, metrics.recordsRestored(), stoppedAtSavepoint);
    }

    private static RunningJob.State stateOf(Throwable failure, StreamThread.Snapshot snapshot) {
        if (failure != null) {
            return RunningJob.State.FAILED;
        }
        return switch (snapshot.state()) {
            case CREATED, STARTING -> RunningJob.State.REBALANCING;
            case RUNNING -> snapshot.caughtUp() ? RunningJob.State.RUNNING : RunningJob.State.REBALANCING;
            case PENDING_SHUTDOWN -> RunningJob.State.CLOSING;
            case DEAD -> RunningJob.State.CLOSED;
        };
    }
}
