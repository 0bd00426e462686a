package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.ClusterSpec;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.KafkaClusters;
import io.rivulet.testkit.TestRecords;

/**
 * Copies of the service share the partitions through the consumer group: two run, a third joins, one
 * leaves, and every customer's totals are still each order's running sum exactly once.
 */
class ScalingIT {

    private static final int CUSTOMERS = 20;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    @Test
    void copiesShareThePartitionsAndTotalsStayExactlyOnce() throws Exception {
        try (KafkaCluster kafka = KafkaClusters.start(ClusterSpec.singleNode())) {
            OrderTotalsJob.TOPICS.forEach(topic -> kafka.createTopic(topic, 4));
            Map<String, List<Long>> expected = new LinkedHashMap<>();
            List<Process> copies = new ArrayList<>();
            try {
                copies.add(start(kafka, 0));
                copies.add(start(kafka, 1));
                produce(kafka, expected, 200, 0);
                copies.add(start(kafka, 2));
                produce(kafka, expected, 200, 1);
                copies.get(0).destroy();
                assertThat(copies.get(0).waitFor(60, TimeUnit.SECONDS)).isTrue();
                produce(kafka, expected, 200, 2);

                int total = expected.values().stream().mapToInt(List::size).sum();
                List<ConsumerRecord<String, String>> read = TestRecords.readCommitted(kafka.bootstrapServers(),
                        OrderTotalsJob.OUTPUT, total, Duration.ofSeconds(120));
                Map<String, List<Long>> emitted = new LinkedHashMap<>();
                for (ConsumerRecord<String, String> record : read) {
                    emitted.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(Long.parseLong(record.value()));
                }
                assertThat(emitted).isEqualTo(expected);
            } finally {
                for (Process copy : copies) {
                    copy.destroyForcibly();
                }
            }
        }
    }

    /** Orders keyed by customer (so each customer's orders keep their order); records the running sums. */
    private static void produce(KafkaCluster kafka, Map<String, List<Long>> expected, int count, int round) {
        List<Map.Entry<String, String>> orders = new ArrayList<>();
        Map<String, Long> totals = new HashMap<>();
        expected.forEach((customer, sums) -> totals.put(customer, sums.get(sums.size() - 1)));
        for (int i = 0; i < count; i++) {
            String customer = "c" + (i % CUSTOMERS);
            long amount = 1 + (i * 7L + round) % 50;
            orders.add(Map.entry(customer, "{\"customer\": \"" + customer + "\", \"amountCents\": " + amount + "}"));
            long total = totals.merge(customer, amount, Long::sum);
            expected.computeIfAbsent(customer, c -> new ArrayList<>()).add(total);
        }
        TestRecords.produce(kafka.bootstrapServers(), OrderTotalsJob.INPUT, orders);
    }

    private Process start(KafkaCluster kafka, int copy) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(ContainerContractIT.entrypoint()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("copy-" + copy + ".log").toFile());
        builder.environment().putAll(Map.of(
                "RIVULET_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "RIVULET_STATE_DIR", workDir.resolve("state-" + copy).toString(),
                "RIVULET_APPLICATION_ID", ContainerContractIT.applicationId() + "-scaling",
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "JAVA_OPTS", "-Xmx256m"));
        Process process = builder.start();
        Await.until(Duration.ofSeconds(90), "copy " + copy + " ready", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("copy " + copy + " exited with " + process.exitValue());
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
