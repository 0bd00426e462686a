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
import java.util.function.Function;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.rivulet.internal.runtime.StreamsRuntime;
import io.rivulet.internal.runtime.query.QueryResult;

/**
 * The HTTP answers of interactive queries: {@code 200 {"key", <field>}}, {@code 404}, {@code 400}, {@code 503} with
 * {@code Retry-After}; and a query for a key another instance holds, sent there once and its answer relayed.
 * {@code X-Rivulet-Answered-By} names the instance that read the value.
 */
final class QueryAnswers {

    /** Marks a query one instance sent another: the receiver answers it itself or says it cannot. */
    static final String FORWARDED_BY = "X-Rivulet-Forwarded-By";

    static final String ANSWERED_BY = "X-Rivulet-Answered-By";

    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private QueryAnswers() {}

    /**
     * Asks the running job, once it runs and when the request names a key, and answers.
     *
     * @param field the name of the answer's field: {@code value} for a state, {@code windows} for a window operator
     * @param path the query's path on any instance, for forwarding: {@code /rivulet/api/…}, without the key
     */
    static Response answer(
            RivuletService service, String key, String field, String path, Function<StreamsRuntime, QueryResult> ask)
            throws InterruptedException {
        StreamsRuntime runtime = service.runtime();
        if (runtime == null) {
            return ApiResponses.notStarted();
        }
        if (key == null) {
            return ApiResponses.error(Response.Status.BAD_REQUEST, "the query must name a key: ?key=<key>");
        }
        return answer(ask.apply(runtime), runtime.processId(), field, path, key);
    }

    private static Response answer(QueryResult result, String self, String field, String path, String key)
            throws InterruptedException {
        if (result instanceof QueryResult.Found found) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("key", found.key());
            body.put(field, found.value());
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
        return forward((QueryResult.Elsewhere) result, path, key, self);
    }

    /** A path segment as a URL carries it. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Response forward(QueryResult.Elsewhere owner, String path, String key, String self)
            throws InterruptedException {
        URI uri = URI.create(owner.url() + path + "?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
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

    private static Response answered(Response response, String self) {
        return Response.fromResponse(response).header(ANSWERED_BY, self).build();
    }

    private static Response unavailable(String message, int retryAfterSeconds) {
        return Response.fromResponse(ApiResponses.error(Response.Status.SERVICE_UNAVAILABLE, message))
                .header("Retry-After", retryAfterSeconds)
                .build();
    }
}
