package io.rivulet.internal.quarkus;

import java.util.Map;

import jakarta.ws.rs.core.Response;

/** The error bodies of Rivulet's HTTP endpoints: {@code {"error": "<what>"}}. */
final class ApiResponses {

    private ApiResponses() {}

    static Response error(Response.Status status, String message) {
        return Response.status(status).entity(Map.of("error", message)).build();
    }

    /** Before the job started (or after it failed to), there is nothing to show. */
    static Response notStarted() {
        return error(Response.Status.SERVICE_UNAVAILABLE, "the job has not started");
    }
}
