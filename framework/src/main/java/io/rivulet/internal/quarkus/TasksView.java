package io.rivulet.internal.quarkus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rivulet.api.job.JobHealth;
import io.rivulet.internal.runtime.StreamsRuntime;
import io.rivulet.internal.runtime.metrics.CommitHistory;
import io.rivulet.internal.runtime.thread.TaskStatus;

/**
 * This instance's live figures as {@code GET /rivulet/api/tasks} shows them: its stream threads, its tasks (times
 * as ISO-8601, a watermark only once there is one), the late records per operator and the last commits.
 */
final class TasksView {

    private TasksView() {}

    static Map<String, Object> of(StreamsRuntime runtime, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("application-id", runtime.topology().applicationId());
        view.put("instance", runtime.processId());
        view.put("time", now.toString());
        JobHealth health = runtime.health();
        List<Map<String, Object>> threads = new ArrayList<>();
        for (JobHealth.ThreadHealth thread : health.threads()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", thread.name());
            row.put("state", thread.state().toString());
            row.put("tasks", thread.taskCount());
            threads.add(row);
        }
        view.put("threads", threads);
        health.stoppedAtSavepoint().ifPresent(id -> view.put("stopped-at-savepoint", id));
        view.put("tasks", runtime.tasks().stream().map(task -> task(task, now)).toList());
        view.put("late-records", runtime.metrics().lateRecords());
        view.put(
                "commits",
                runtime.metrics().recentCommits().stream()
                        .map(TasksView::commit)
                        .toList());
        return view;
    }

    private static Map<String, Object> task(TaskStatus task, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", task.id());
        row.put("thread", task.thread());
        row.put("state", task.state());
        row.put("input", task.input());
        row.put("changelogs", task.changelogs());
        task.watermark().ifPresent(watermark -> {
            row.put("watermark", Instant.ofEpochMilli(watermark).toString());
            row.put("watermark-lag-ms", now.toEpochMilli() - watermark);
        });
        task.lag().ifPresent(lag -> row.put("lag", lag));
        task.restore().ifPresent(progress -> {
            Map<String, Object> restore = new LinkedHashMap<>();
            restore.put("restored", progress.restored());
            restore.put("remaining", progress.remaining());
            restore.put("records-per-second", progress.recordsPerSecond());
            row.put("restore", restore);
        });
        row.put("records-consumed", task.recordsConsumed());
        row.put("records-per-second", Math.round(task.recordsPerSecond() * 10) / 10.0);
        task.stateSizeBytes().ifPresent(bytes -> row.put("state-size-bytes", bytes));
        return row;
    }

    private static Map<String, Object> commit(CommitHistory.Commit commit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("thread", commit.thread());
        row.put("committed-at", Instant.ofEpochMilli(commit.committedAt()).toString());
        row.put("duration-ms", Math.round(commit.durationNanos() / 1e4) / 100.0);
        row.put("records", commit.records());
        row.put("tasks", commit.tasks());
        return row;
    }
}
