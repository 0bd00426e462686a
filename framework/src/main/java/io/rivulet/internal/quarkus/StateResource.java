package io.rivulet.internal.quarkus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.rivulet.internal.runtime.StreamsRuntime;
import io.rivulet.internal.runtime.query.QueryResult;

/**
 * {@code GET /rivulet/api/state/<uid>/<state>?key=<key>}: the committed value of a key in an operator's keyed
 * state, asked of any instance. {@code 200 {"key", "value"}}; {@code 404} when the key has no value (or the state
 * does not exist); {@code 400} when the key does not parse with the state's key serde; {@code 503} with
 * {@code Retry-After} while the key's task restores or the group moves it. An instance that does not hold the key
 * asks the one that does and relays its answer; {@code X-Rivulet-Answered-By} names the instance that read it.
 */
@Path("/rivulet/api/state/{uid}/{state}")
@Produces(MediaType.APPLICATION_JSON)
public class StateResource {

    /** Marks a query one instance sent another: the receiver answers it itself or says it cannot. */
    static final String FORWARDED_BY = "X-Rivulet-Forwarded-By";

    static final String ANSWERED_BY = "X-Rivulet-Answered-By";

    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    RivuletService service;

    @GET
    public Response get(
            @PathParam("uid") String uid,
            @PathParam("state") String state,
            @QueryParam("key") String key,
            @HeaderParam(FORWARDED_BY) String forwardedBy)
            throws InterruptedException {
        StreamsRuntime runtime = service.runtime();
        if (runtime == null) {
            return ApiResponses.notStarted();
        }
        if (key == null) {
            return ApiResponses.error(Response.Status.BAD_REQUEST, "the query must name a key: ?key=<key>");
        }
        QueryResult result = runtime.stateQueries().get(uid, state, key, forwardedBy != null);
        String self = runtime.processId();
        if (result instanceof QueryResult.Found found) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("key", found.key());
            body.put("value", found.value());
            return Response.ok(body).header(ANSWERED_BY, self).build();
        }
        if (result instanceof QueryResult.NotFound notFound) {
            return answered(ApiResponses.error(Response.Status.NOT_FOUND, notFound.message()), self);
        }
        if (result instanceof QueryResult.InvalidKey invalid) {
            return answered(ApiResponses.error(Response.Status.BAD_REQUEST, invalid.message()), self);
        }
        if (result instanceof QueryResult.Unavailable unavailable) {
            return unavailable(unavailable.message(), unavailable.retryAfterSeconds());
        }
        QueryResult.Elsewhere elsewhere = (QueryResult.Elsewhere) result;
        return forward(elsewhere, uid, state, key, self);
    }

    private static Response forward(QueryResult.Elsewhere owner, String uid, String state, String key, String self)
            throws InterruptedException {
        URI uri = URI.create(owner.url() + "/rivulet/api/state/" + encode(uid) + "/" + encode(state) + "?key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(FORWARD_TIMEOUT)
                .header(FORWARDED_BY, self)
                .GET()
                .build();
        HttpResponse<String> answer;
        try {
            answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return unavailable(
                    "instance " + owner.processId() + " at " + owner.url() + ", which holds the key, did not answer: "
                            + e,
                    1);
        }
        Response.ResponseBuilder relayed =
                Response.status(answer.statusCode()).entity(answer.body()).type(MediaType.APPLICATION_JSON);
        answer.headers().firstValue(ANSWERED_BY).ifPresent(who -> relayed.header(ANSWERED_BY, who));
        answer.headers().firstValue("Retry-After").ifPresent(seconds -> relayed.header("Retry-After", seconds));
        return relayed.build();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Response answered(Response response, String self) {
        return Response.fromResponse(response).header(ANSWERED_BY, self).build();
    }

    private static Response unavailable(String message, int retryAfterSeconds) {
        return Response.fromResponse(ApiResponses.error(Response.Status.SERVICE_UNAVAILABLE, message))
                .header("Retry-After", retryAfterSeconds)
                .build();
    }
}
