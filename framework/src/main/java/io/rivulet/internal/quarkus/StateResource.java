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
 * {@code GET /rivulet/api/state/<uid>/<state>?key=<key>}: the committed value of a key in an operator's keyed
 * state, asked of any instance. {@code 200 {"key", "value"}}; {@code 404} when the key has no value (or the state
 * does not exist); {@code 400} when the key does not parse with the state's key serde; {@code 503} with
 * {@code Retry-After} while the key's task restores or the group moves it. An instance that does not hold the key
 * asks the one that does and relays its answer ({@link QueryAnswers}). With {@code ?allow-stale=true} a standby or
 * warm-up replica may answer too, when the task does not run here or its owner does not answer; the answer's
 * {@code X-Rivulet-Lag} header says how many changelog records the copy that answered was behind.
 */
@Path("/rivulet/api/state/{uid}/{state}")
@Produces(MediaType.APPLICATION_JSON)
public class StateResource {

    @Inject
    RivuletService service;

    @GET
    public Response get(
            @PathParam("uid") String uid,
            @PathParam("state") String state,
            @QueryParam("key") String key,
            @QueryParam("allow-stale") boolean allowStale,
            @HeaderParam(QueryAnswers.FORWARDED_BY) String forwardedBy)
            throws InterruptedException {
        return QueryAnswers.answer(
                service,
                key,
                allowStale,
                "value",
                "/rivulet/api/state/" + QueryAnswers.segment(uid) + "/" + QueryAnswers.segment(state),
                runtime ->
                        runtime.stateQueries().get(uid, state, key, new QueryOptions(forwardedBy != null, allowStale)));
    }
}
