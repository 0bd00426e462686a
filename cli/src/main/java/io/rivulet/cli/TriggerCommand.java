package io.rivulet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rivulet savepoint trigger --service <url> --target-dir <dir> [--stop]}: asks a running service for a
 * savepoint of its whole job ({@code POST /rivulet/savepoints}), waits until it is complete and prints where it
 * is.
 */
@Command(
        name = "trigger",
        mixinStandardHelpOptions = true,
        description = "Takes a savepoint of a running service's job (all its instances), waits for it and prints its"
                + " location.")
final class TriggerCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    @Option(names = "--service", required = true, description = "any instance of the service, e.g. http://host:8080")
    URI service;

    @Option(
            names = "--target-dir",
            required = true,
            description = "the directory the savepoint is written under, as the instance sees it")
    Path targetDirectory;

    @Option(names = "--stop", description = "stop the job once the savepoint is complete")
    boolean stop;

    @Option(
            names = "--timeout",
            defaultValue = "PT10M",
            description = "how long to wait for completion, ISO-8601 (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String body = JSON.writeValueAsString(Map.of("target-directory", targetDirectory.toString(), "stop", stop));
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(endpoint(""))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException(service + " refused the savepoint (HTTP " + accepted.statusCode() + "): "
                    + message(accepted.body()));
        }
        String id = JSON.readTree(accepted.body()).path("id").asText();
        out.printf("savepoint %s triggered%s%n", id, stop ? " (the job stops when it is complete)" : "");
        out.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<String> polled = http.send(
                    HttpRequest.newBuilder(endpoint("/" + id))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode status = polled.statusCode() == 200 ? JSON.readTree(polled.body()) : null;
            String state = status == null ? "" : status.path("status").asText();
            if (state.equals("COMPLETED")) {
                out.println(status.path("location").asText());
                out.flush();
                return 0;
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException(
                        "savepoint " + id + " failed: " + status.path("failure").asText());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("savepoint " + id + " did not complete within " + timeout);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private URI endpoint(String suffix) {
        String base = service.toString().replaceAll("/+$", "");
        return URI.create(base + "/rivulet/savepoints" + suffix);
    }

    private static String message(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json.has("error") ? json.get("error").asText() : body;
        } catch (IOException notJson) {
            return body;
        }
    }
}
