package io.rivulet.internal.quarkus;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.rivulet.internal.runtime.query.QueryOptions;

/**
 * {@code GET /rivulet/api/windows/<uid>?key=<key>}: the committed contents of a key's windows in a window operator,
 * asked of any instance: {@code 200 {"key", "windows": [{"window": {"start", "end"}, "contents"}, …]}}, the other
 * answers as {@link StateResource}'s.
 */
@Path("/rivulet/api/windows/{uid}")
@Produces(MediaType.APPLICATION_JSON)
public class WindowsResource {

    @Inject
    RivuletService service;

    @GET
    public Response get(
            @PathParam("uid") String uid,
            @QueryParam("key") String key,
            @QueryParam("allow-stale") boolean allowStale,
            @HeaderParam(QueryAnswers.FORWARDED_BY) String forwardedBy)
            throws InterruptedException {
        return QueryAnswers.answer(
                service,
                key,
                allowStale,
                "windows",
                "/rivulet/api/windows/" + QueryAnswers.segment(uid),
                runtime ->
                        runtime.stateQueries().getWindows(uid, key, new QueryOptions(forwardedBy != null, allowStale)));
    }
}
