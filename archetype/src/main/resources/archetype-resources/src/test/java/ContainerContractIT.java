package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.ClusterSpec;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.KafkaClusters;
import io.rivulet.testkit.TestRecords;

/**
 * The container contract, checked on the packaged service started exactly as the Dockerfile's entrypoint
 * starts it (same command, same environment variables, a writable state directory of its own): readiness
 * turns UP after restore, SIGTERM leaves within the grace period, a restart on the same state directory
 * restores only the changelog tail. {@link ContainerImageIT} builds and runs the real image where a container
 * engine answers.
 */
class ContainerContractIT {

    private static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile");
    private static final Path PACKAGED_CONFIG = Path.of("target/classes/application.properties");
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KafkaCluster kafka;

    @TempDir
    static Path stateDir;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaClusters.start(ClusterSpec.singleNode());
        OrderTotalsJob.TOPICS.forEach(topic -> kafka.createTopic(topic, 2));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void startsStopsAndRestartsAsTheContainerEntrypointDoes() throws Exception {
        int port = freePort();
        Map<String, String> env = Map.of(
                "RIVULET_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "RIVULET_STATE_DIR", stateDir.toString(),
                "RIVULET_GROUP_INSTANCE_ID", "contract-0",
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "JAVA_OPTS", "-Xmx256m");

        Process first = start(env, "first.log");
        awaitReady(first, port);
        TestRecords.produce(kafka.bootstrapServers(), OrderTotalsJob.INPUT, List.of(
                Map.entry("alice", "{\"customer\": \"alice\", \"amountCents\": 100}")));
        assertThat(values(1)).containsExactly("100");

        long stopping = System.nanoTime();
        first.destroy();
        assertThat(first.waitFor(GRACE_PERIOD.toSeconds(), TimeUnit.SECONDS)).as("exited within the grace period").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(GRACE_PERIOD);
        assertThat(Files.readString(Path.of("target/first.log"))).contains("(clean)", "Application " + applicationId() + " stopped");

        Process second = start(env, "second.log");
        awaitReady(second, port);
        assertThat(restoredRecords(port)).as("changelog records restored after a clean stop").isZero();
        TestRecords.produce(kafka.bootstrapServers(), OrderTotalsJob.INPUT, List.of(
                Map.entry("alice", "{\"customer\": \"alice\", \"amountCents\": 5}")));
        assertThat(values(2)).containsExactly("100", "105");

        second.destroyForcibly();
        second.waitFor(GRACE_PERIOD.toSeconds(), TimeUnit.SECONDS);
        Process third = start(env, "third.log");
        awaitReady(third, port);
        assertThat(restoredRecords(port)).as("changelog records restored after SIGKILL: the tail only").isLessThanOrEqualTo(1);
        TestRecords.produce(kafka.bootstrapServers(), OrderTotalsJob.INPUT, List.of(
                Map.entry("alice", "{\"customer\": \"alice\", \"amountCents\": 1}")));
        assertThat(values(3)).containsExactly("100", "105", "106");
        // Out of the box: Prometheus meters, the web UI and its JSON, and the extension's feature at start-up.
        assertThat(body(port, "/q/metrics")).contains("rivulet_commits_total", "rivulet_records_consumed_total{");
        assertThat(status(port, "/rivulet/")).isEqualTo(200);
        assertThat(body(port, "/rivulet/api/tasks")).contains("\"state\":\"RUNNING\"");
        assertThat(body(port, "/rivulet/api/job")).contains("\"operators\"");
        assertThat(Files.readString(Path.of("target/third.log"))).containsPattern("Installed features: \\[.*rivulet");
        third.destroy();
        assertThat(third.waitFor(GRACE_PERIOD.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    /**
     * The application id the packaged service runs with, read from the configuration that went into it, so
     * that the tests follow a changed {@code rivulet.application-id} (it is the artifactId when generated).
     */
    static String applicationId() throws IOException {
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(PACKAGED_CONFIG)) {
            config.load(in);
        }
        String id = config.getProperty("rivulet.application-id");
        if (id == null || id.isBlank()) {
            throw new AssertionError("no rivulet.application-id in " + PACKAGED_CONFIG);
        }
        return id.strip();
    }

    /** The Dockerfile's ENTRYPOINT, with the image's /deployments mapped to the local fast-jar directory. */
    static List<String> entrypoint() throws IOException {
        String line = Files.readAllLines(DOCKERFILE).stream().filter(l -> l.startsWith("ENTRYPOINT"))
                .findFirst().orElseThrow(() -> new AssertionError("no ENTRYPOINT in " + DOCKERFILE));
        List<String> command = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(line);
        while (quoted.find()) {
            command.add(quoted.group(1).replace("/deployments/", Path.of("target/quarkus-app").toAbsolutePath() + "/"));
        }
        return command;
    }

    private static Process start(Map<String, String> env, String log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(entrypoint()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", log).toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitReady(Process process, int port) {
        Await.until(Duration.ofSeconds(90), "readiness UP on port " + port, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue());
            }
            return status(port, "/q/health/ready") == 200;
        });
    }

    static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String body(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static long restoredRecords(int port) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = Pattern.compile("\"restored-records\"\\s*:\\s*(\\d+)").matcher(body);
        assertThat(matcher.find()).as("restored-records in %s", body).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static List<String> values(int count) {
        return TestRecords.readCommitted(kafka.bootstrapServers(), OrderTotalsJob.OUTPUT, count, Duration.ofSeconds(60))
                .stream().map(ConsumerRecord::value).toList();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
