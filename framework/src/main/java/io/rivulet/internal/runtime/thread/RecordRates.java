package io.rivulet.internal.runtime.thread;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.rivulet.internal.runtime.state.TaskId;

/**
 * Records per second of each task, from its committed record count: a rate over at least {@link #WINDOW}, so that
 * the commit interval's steps do not show as a rate jumping between zero and a peak.
 */
final class RecordRates {

    static final Duration WINDOW = Duration.ofSeconds(1);

    private record Sample(long records, long nanos, double rate) {}

    private final Map<TaskId, Sample> samples = new HashMap<>();

    /** The task's rate, taking a new sample if the last one is at least a window old. */
    double rate(TaskId task, long records, long nowNanos) {
        Sample last = samples.get(task);
        if (last == null || records < last.records()) {
            // New here, or revoked and assigned again between two samples: counted from zero again.
            samples.put(task, new Sample(records, nowNanos, 0));
            return 0;
        }
        long elapsed = nowNanos - last.nanos();
        if (elapsed < WINDOW.toNanos()) {
            return last.rate();
        }
        double rate = (records - last.records()) * 1e9 / elapsed;
        samples.put(task, new Sample(records, nowNanos, rate));
        return rate;
    }

    /** Forgets the tasks this thread no longer runs. */
    void retain(Set<TaskId> tasks) {
        samples.keySet().retainAll(tasks);
    }
}
