package io.rivulet.samples.wordcount;

import java.net.URI;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.rivulet.api.query.KeyQueryResult;
import io.rivulet.api.query.KeyedStateQueries;

/**
 * {@code GET /counts/<word>}: a word's count now, read from the job's state through the injected
 * {@link KeyedStateQueries} — the service's own API over its state. An instance that does not hold the word
 * redirects to the one that does.
 */
@Path("/counts/{word}")
@Produces(MediaType.APPLICATION_JSON)
public class CountsResource {

    @Inject
    KeyedStateQueries queries;

    @GET
    public Response count(@PathParam("word") String word) {
        KeyQueryResult<Long> result = queries.value(CountPerWord.UID, CountPerWord.countState(), word);
        if (result instanceof KeyQueryResult.Found<Long> found) {
            return Response.ok(Map.of("word", word, "count", found.value())).build();
        }
        if (result instanceof KeyQueryResult.Absent<Long>) {
            return Response.status(Response.Status.NOT_FOUND)
                    .entity(Map.of("word", word, "count", 0))
                    .build();
        }
        if (result instanceof KeyQueryResult.HeldElsewhere<Long> elsewhere
                && elsewhere.location().advertisedUrl().isPresent()) {
            return Response.temporaryRedirect(
                            URI.create(elsewhere.location().advertisedUrl().get() + "/counts/" + word))
                    .build();
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", 1)
                .entity(Map.of("error", result.toString()))
                .build();
    }
}
