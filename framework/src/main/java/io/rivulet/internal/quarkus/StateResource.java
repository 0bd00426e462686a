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

/**
 * {@code GET /rivulet/api/state/<uid>/<state>?key=<key>}: the committed value of a key in an operator's keyed
 * state, asked of any instance. {@code 200 {"key", "value"}}; {@code 404} when the key has no value (or the state
 * does not exist); {@code 400} when the key does not parse with the state's key serde; {@code 503} with
 * {@code Retry-After} while the key's task restores or the group moves it. An instance that does not hold the key
 * asks the one that does and relays its answer ({@link QueryAnswers}).
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
            @HeaderParam(QueryAnswers.FORWARDED_BY) String forwardedBy)
            throws InterruptedException {
        return QueryAnswers.answer(
                service,
                key,
                "value",
                "/rivulet/api/state/" + QueryAnswers.segment(uid) + "/" + QueryAnswers.segment(state),
                runtime -> runtime.stateQueries().get(uid, state, key, forwardedBy != null));
    }
}
