package io.rivulet.internal.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import io.rivulet.internal.runtime.StreamsRuntime;

/**
 * Liveness is DOWN once a stream thread died; readiness is UP only while every assigned task is restored
 * and running. Both report the threads' states, the number of changelog records restored and every task's
 * event-time watermark.
 */
@ApplicationScoped
public class RivuletHealthChecks {

    @Inject
    RivuletService service;

    @Liveness
    HealthCheck liveness() {
        return () -> report("rivulet-stream-threads", StreamsRuntime::alive);
    }

    @Readiness
    HealthCheck readiness() {
        return () -> report("rivulet-tasks", StreamsRuntime::ready);
    }

    private HealthCheckResponse report(String name, java.util.function.Predicate<StreamsRuntime> up) {
        StreamsRuntime runtime = service.runtime();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name);
        if (runtime == null) {
            return builder.down().withData("reason", "the job has not started").build();
        }
        runtime.threadStates().forEach(builder::withData);
        builder.withData("restored-records", runtime.metrics().recordsRestored());
        runtime.watermarks().forEach((task, watermark) -> builder.withData("watermark " + task, watermark));
        return builder.status(up.test(runtime)).build();
    }
}
