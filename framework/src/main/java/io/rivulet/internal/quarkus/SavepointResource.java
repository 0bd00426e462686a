package io.rivulet.internal.quarkus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.rivulet.api.job.SavepointInfo;
import io.rivulet.internal.runtime.StreamsRuntime;

/**
 * {@code /rivulet/savepoints}: take a savepoint of the whole job from any instance, and follow it.
 * {@code POST {"target-directory": "<dir>", "stop": false}} answers {@code 202 {"id": "<id>"}};
 * {@code GET /rivulet/savepoints/<id>} answers {@code {"id", "status", "requested-at", "location", "failure", "stop"}};
 * {@code GET /rivulet/savepoints} lists them all, newest first.
 */
@jakarta.ws.rs.Path("/rivulet/savepoints")
@Produces(MediaType.APPLICATION_JSON)
public class SavepointResource {

    /** The body of a request to take a savepoint. */
    public record TriggerRequest(
            @JsonProperty("target-directory") String targetDirectory, boolean stop) {}

    @Inject
    RivuletService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response trigger(TriggerRequest request) {
        StreamsRuntime runtime = service.runtime();
        if (runtime == null) {
            return ApiResponses.notStarted();
        }
        if (request == null
                || request.targetDirectory() == null
                || request.targetDirectory().isBlank()) {
            return error(Response.Status.BAD_REQUEST, "the body must name a \"target-directory\"");
        }
        try {
            String id = runtime.triggerSavepoint(Path.of(request.targetDirectory()), request.stop());
            return Response.accepted(Map.of("id", id)).build();
        } catch (IllegalStateException e) {
            return error(Response.Status.CONFLICT, e.getMessage());
        }
    }

    /** Every savepoint the group requested, newest first. */
    @GET
    public Response list() {
        StreamsRuntime runtime = service.runtime();
        if (runtime == null) {
            return ApiResponses.notStarted();
        }
        return Response.ok(runtime.savepoints().stream()
                        .map(SavepointResource::describe)
                        .toList())
                .build();
    }

    @GET
    @jakarta.ws.rs.Path("{id}")
    public Response status(@PathParam("id") String id) {
        StreamsRuntime runtime = service.runtime();
        if (runtime == null) {
            return ApiResponses.notStarted();
        }
        return runtime.savepoint(id)
                .map(status -> Response.ok(describe(status)).build())
                .orElseGet(() -> error(Response.Status.NOT_FOUND, "no savepoint " + id));
    }

    private static Map<String, Object> describe(SavepointInfo savepoint) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", savepoint.id());
        body.put("status", savepoint.status().toString());
        body.put("requested-at", savepoint.requestedAt().toString());
        savepoint.location().ifPresent(location -> body.put("location", location));
        savepoint.failure().ifPresent(failure -> body.put("failure", failure));
        body.put("stop", savepoint.stop());
        return body;
    }

    private static Response error(Response.Status code, String message) {
        return ApiResponses.error(code, message);
    }
}
