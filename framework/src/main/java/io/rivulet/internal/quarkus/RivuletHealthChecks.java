package io.rivulet.internal.quarkus;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import io.rivulet.api.job.JobHealth;
import io.rivulet.internal.runtime.StreamsRuntime;

/**
 * Liveness is DOWN once a stream thread died; readiness is UP only while every stream thread has joined the
 * group and every assigned task is restored and running, and DOWN while none of the cluster's bootstrap servers can be
 * reached (the job rides the outage out and resumes by itself, so liveness stays UP). While the service waits for its
 * Kafka cluster at start-up, liveness is UP and readiness DOWN, both saying what it waits for. Both report the threads' states, the number of
 * changelog records restored and every task's event-time watermark (an ISO-8601 time) — the {@link JobHealth} that a job started
 * from plain Java reports too.
 */
@ApplicationScoped
public class RivuletHealthChecks {

    /** What a task without a watermark shows, instead of a number that would read as a (very early) time. */
    private static final String NO_WATERMARK = "none yet";

    @Inject
    RivuletService service;

    @Liveness
    HealthCheck liveness() {
        return () -> report("rivulet-stream-threads", JobHealth::alive, true);
    }

    @Readiness
    HealthCheck readiness() {
        return () -> report(
                "rivulet-tasks",
                health -> health.ready() && service.clusterUnreachable().isEmpty(),
                false);
    }

    /** @param upWhileWaiting the status while the service waits for its Kafka cluster: it is alive, not ready */
    private HealthCheckResponse report(String name, Predicate<JobHealth> up, boolean upWhileWaiting) {
        StreamsRuntime runtime = service.runtime();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name);
        if (runtime == null) {
            Optional<String> waiting = service.waitingFor();
            return waiting.isPresent()
                    ? builder.status(upWhileWaiting)
                            .withData("reason", "waiting for " + waiting.get())
                            .build()
                    : builder.down()
                            .withData("reason", "the job has not started")
                            .build();
        }
        JobHealth health = runtime.health();
        service.clusterUnreachable().ifPresent(reason -> builder.withData("kafka", reason));
        health.threads()
                .forEach(thread -> builder.withData(thread.name(), thread.state() + ", tasks=" + thread.taskCount()));
        builder.withData("restored-records", health.restoredRecords());
        health.stoppedAtSavepoint().ifPresent(id -> builder.withData("savepoint", "stopped at savepoint " + id));
        health.tasks().forEach(task -> {
            String key = "watermark " + task.id();
            task.watermark()
                    .ifPresentOrElse(
                            watermark -> builder.withData(
                                    key, Instant.ofEpochMilli(watermark).toString()),
                            () -> builder.withData(key, NO_WATERMARK));
        });
        return builder.status(up.test(health)).build();
    }
}
