package io.rivulet.internal.quarkus;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.rivulet.internal.runtime.StreamsRuntime;

/** {@code GET /rivulet/api/tasks}: this instance's tasks and their live figures, as {@link TasksView} renders them. */
@Path("/rivulet/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

    @Inject
    RivuletService service;

    @GET
    public Response tasks() {
        StreamsRuntime runtime = service.runtime();
        if (runtime == null) {
            return ApiResponses.notStarted();
        }
        return Response.ok(TasksView.of(runtime, Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                .build();
    }
}
