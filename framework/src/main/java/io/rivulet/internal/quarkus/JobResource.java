package io.rivulet.internal.quarkus;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.rivulet.internal.graph.JobGraphView;
import io.rivulet.internal.runtime.StreamsRuntime;

/** {@code GET /rivulet/api/job}: the job graph, as {@link JobGraphView} renders it. */
@Path("/rivulet/api/job")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    RivuletService service;

    @GET
    public Response job() {
        StreamsRuntime runtime = service.runtime();
        if (runtime == null) {
            return ApiResponses.notStarted();
        }
        return Response.ok(JobGraphView.of(runtime.topology())).build();
    }
}
