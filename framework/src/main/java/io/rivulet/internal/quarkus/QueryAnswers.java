package io.rivulet.internal.quarkus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * On an answer to a query that allows staleness: how many changelog records the copy that answered was behind the
     * task's latest commit ({@code 0} when the task itself answered).
     */
    static final String LAG = "X-Rivulet-Lag";

    /** On an answer to a query that allows staleness: {@code active} (the task) or {@code replica}. */
    static final String ANSWERED_FROM = "X-Rivulet-Answered-From";

    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private QueryAnswers() {}

    /**
     * Asks the running job, once it runs and when the request names a key, and answers.
     *
     * @param allowStale whether the caller accepts an answer from a replica ({@code ?allow-stale=true})
     * @param field the name of the answer's field: {@code value} for a state, {@code windows} for a window operator
     * @param path the query's path on any instance, for forwarding: {@code /rivulet/api/…}, without the key
     */
    static Response answer(
            RivuletService service,
            String key,
            boolean allowStale,
            String field,
            String path,
            Function<StreamsRuntime, QueryResult> ask)
            throws InterruptedException {
        StreamsRuntime runtime = service.runtime();
        if (runtime == null) {
            return ApiResponses.notStarted();
        }
        if (key == null) {
            return ApiResponses.error(Response.Status.BAD_REQUEST, "the query must name a key: ?key=<key>");
        }
        QueryResult result = ask.apply(runtime);
        String self = runtime.processId();
        if (result instanceof QueryResult.Found found) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("key", found.key());
            body.put(field, found.value());
            Response.ResponseBuilder ok = Response.ok(body).header(ANSWERED_BY, self);
            if (allowStale) {
                ok.header(LAG, found.replicaLag().orElse(0))
                        .header(ANSWERED_FROM, found.replicaLag().isPresent() ? "replica" : "active");
            }
            return ok.build();
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
        return forward((QueryResult.Elsewhere) result, path, key, allowStale, self);
    }

    /** A path segment as a URL carries it. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Sends the query to the instances that may answer it, in order, and relays the first answer; an instance that
     * does not answer or answers 503 passes the query to the next, and the last one's answer counts.
     */
    private static Response forward(
            QueryResult.Elsewhere elsewhere, String path, String key, boolean allowStale, String self)
            throws InterruptedException {
        List<String> failures = new ArrayList<>();
        List<QueryResult.Instance> instances = elsewhere.instances();
        for (int i = 0; i < instances.size(); i++) {
            QueryResult.Instance instance = instances.get(i);
            URI uri = URI.create(instance.url() + path + "?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                    + (allowStale ? "&allow-stale=true" : ""));
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(FORWARD_TIMEOUT)
                    .header(FORWARDED_BY, self)
                    .GET()
                    .build();
            HttpResponse<String> answer;
            try {
                answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                failures.add("instance " + instance.processId() + " at " + instance.url() + " did not answer: " + e);
                continue;
            }
            if (answer.statusCode() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()
                    && i < instances.size() - 1) {
                failures.add("instance " + instance.processId() + " could not answer: " + answer.body());
                continue;
            }
            Response.ResponseBuilder relayed =
                    Response.status(answer.statusCode()).entity(answer.body()).type(MediaType.APPLICATION_JSON);
            for (String header : List.of(ANSWERED_BY, LAG, ANSWERED_FROM, "Retry-After")) {
                answer.headers().firstValue(header).ifPresent(value -> relayed.header(header, value));
            }
            return relayed.build();
        }
        return unavailable("no instance that holds the key answered (" + String.join("; ", failures) + ")", 1);
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
