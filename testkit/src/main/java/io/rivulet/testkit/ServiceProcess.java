package io.rivulet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Rivulet service as a child process, started exactly as a service's contract says:
 * {@code java -jar target/quarkus-app/quarkus-run.jar} (the path in the system property {@code service.jar}),
 * configured by environment variables, on a free HTTP port of 127.0.0.1. Its output goes to a log file in the
 * work directory. For end-to-end tests that kill and restart services.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Map<String, String> env;
    private final Path logFile;
    private final int port;
    private Process process;
    private int starts;

    public ServiceProcess(String bootstrapServers, Path workDir, Map<String, String> settings) {
        this.port = freePort();
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.logFile = workDir.resolve("service-" + port + ".log");
        this.env = new HashMap<>(settings);
        env.put("RIVULET_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.putIfAbsent("RIVULET_STATE_DIR", workDir.resolve("state-" + port).toString());
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    }

    public ServiceProcess start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-jar");
        command.add(System.getProperty("service.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starts++;
        return this;
    }

    /** Waits until the readiness endpoint answers UP: every task restored and running. */
    public ServiceProcess awaitReady() {
        Await.until(Duration.ofSeconds(90), "service on port " + port + " ready (log: " + logFile + ")", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("service exited with " + process.exitValue() + "; log:\n" + log());
            }
            return status("/q/health/ready") == 200;
        });
        return this;
    }

    public int status(String path) {
        try {
            return HTTP.send(request(path), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String body(String path) {
        try {
            return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs a JSON body; returns the status code and the body the service answered with. */
    public HttpResponse<String> post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service's base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    /** SIGKILL: no commit, no clean close. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /**
     * SIGTERM: commit, close tasks, leave the group. Returns the exit code: 143 (128 + SIGTERM) is how a JVM
     * reports a shutdown on SIGTERM that ran its hooks to the end.
     */
    public int stop() {
        process.destroy();
        return waitForExit();
    }

    public int waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("service did not exit within 60 s; log: " + logFile);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public int starts() {
        return starts;
    }

    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (alive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
