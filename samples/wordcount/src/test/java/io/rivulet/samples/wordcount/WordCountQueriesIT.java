package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * Interactive queries on three wordcount instances, with one standby replica of every counting task and without:
 * every word's count, asked of any instance, is its exact committed count (the instance that does not hold the word
 * asks the one that does); after the instance holding the most tasks is killed, its tasks move (to their standbys,
 * which restore only what they had not applied), the survivors answer exactly again, and meanwhile no answer is ever
 * a wrong count — only the exact one or a 503 asking to retry. A query that allows staleness is answered by a
 * standby meanwhile.
 */
@WithKafkaCluster
class WordCountQueriesIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private static final Pattern VALUE = Pattern.compile("\"value\":(\\d+)");
    private static final Pattern COUNTING_TASK =
            Pattern.compile("\"id\":\"1_\\d+\",\"thread\":\"[^\"]*\",\"state\":\"(RUNNING|RESTORING)\"");
    private static final Pattern STANDBY_TASK =
            Pattern.compile("\"id\":\"(1_\\d+)\",\"thread\":\"[^\"]*\",\"state\":\"STANDBY\"");
    private static final Pattern RESTORED = Pattern.compile("(?m)^rivulet_restored_records_total\\{[^}]*} ([0-9.E]+)$");
    /** Shorter than the clients' 45 s, so that the group notices a killed instance within seconds. */
    private static final String SESSION_TIMEOUT_MS = "10000";

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0} standby replica(s)")
    @ValueSource(ints = {1, 0})
    void everyInstanceAnswersEveryWordsExactCountAndNeverAWrongOneWhileTasksMove(int standbys, KafkaCluster kafka)
            throws Exception {
        WordCountFixture fixture = new WordCountFixture(kafka, 4);
        Map<String, String> settings = Map.of(
                "RIVULET_APPLICATION_ID",
                "wordcount-queries-" + standbys,
                "RIVULET_NUM_STANDBY_REPLICAS",
                Integer.toString(standbys),
                "RIVULET_KAFKA_SESSION_TIMEOUT_MS",
                SESSION_TIMEOUT_MS);
        List<ServiceProcess> instances = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                instances.add(new ServiceProcess(kafka.bootstrapServers(), workDir, settings).start());
            }
            for (ServiceProcess instance : instances) {
                instance.awaitReady();
            }
            fixture.produceLines(300);
            fixture.assertExactlyOnceCounts();
            Map<String, Long> expected = fixture.expectedCounts();
            Await.until(
                    Duration.ofSeconds(60),
                    "every instance answers every word exactly",
                    () -> instances.stream().allMatch(instance -> answersExactly(instance, expected)));
            // The service's own endpoint, on KeyedStateQueries: the holder answers, the others redirect to it.
            for (ServiceProcess instance : instances) {
                for (Map.Entry<String, Long> word : expected.entrySet()) {
                    HttpResponse<String> answer = get(URI.create(instance.url() + "/counts/" + word.getKey()));
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                    assertThat(answer.body()).contains("\"count\":" + word.getValue());
                }
            }
            for (ServiceProcess instance : instances) {
                assertThat(query(instance, "count-per-word", "count", "no-such-word")
                                .statusCode())
                        .isEqualTo(404);
                assertThat(query(instance, "no-such-uid", "count", "word1").statusCode())
                        .isEqualTo(404);
            }
            // Each word lives on one instance: the others ask it, and say so.
            long forwarded = 0;
            for (ServiceProcess instance : instances) {
                String self = instanceId(instance);
                for (String word : expected.keySet()) {
                    if (!processIdOf(query(instance, "count-per-word", "count", word))
                            .equals(self)) {
                        forwarded++;
                    }
                }
            }
            assertThat(forwarded)
                    .as("answers another instance read, of %d", 3 * expected.size())
                    .isBetween(1L, 3L * expected.size() - 1);

            if (standbys > 0) {
                Await.until(
                        Duration.ofSeconds(60),
                        "every counting task has a standby replica",
                        () -> instances.stream()
                                        .mapToLong(instance -> STANDBY_TASK
                                                .matcher(instance.body("/rivulet/api/tasks"))
                                                .results()
                                                .count())
                                        .sum()
                                == 4);
            }
            ServiceProcess victim = instances.stream()
                    .max(Comparator.comparingLong(WordCountQueriesIT::countingTasks))
                    .orElseThrow();
            instances.remove(victim);
            double restoredBefore = restored(instances);
            long killed = System.nanoTime();
            victim.kill();
            long exactAgainNanos = -1;
            long staleExactNanos = -1;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            int unavailable = 0;
            while (System.nanoTime() < deadline) {
                if (staleExactNanos < 0 && answersExactly(instances, expected, true)) {
                    staleExactNanos = System.nanoTime() - killed;
                }
                boolean allExact = true;
                for (ServiceProcess survivor : instances) {
                    for (Map.Entry<String, Long> word : expected.entrySet()) {
                        HttpResponse<String> answer = query(survivor, "count-per-word", "count", word.getKey());
                        if (answer.statusCode() == 200) {
                            assertThat(value(answer))
                                    .as("the count of %s while its task moves", word.getKey())
                                    .isEqualTo(word.getValue());
                        } else {
                            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
                            assertThat(answer.headers().firstValue("Retry-After"))
                                    .isPresent();
                            unavailable++;
                            allExact = false;
                        }
                    }
                }
                if (allExact) {
                    exactAgainNanos = System.nanoTime() - killed;
                    break;
                }
            }
            assertThat(exactAgainNanos)
                    .as("the survivors answered exactly again")
                    .isPositive();
            Await.until(
                    Duration.ofSeconds(60),
                    "the survivors run every counting task",
                    () -> instances.stream()
                                    .mapToLong(WordCountQueriesIT::countingTasks)
                                    .sum()
                            == 4);
            long restoredByFailover = Math.round(restored(instances) - restoredBefore);
            // The figures the README quotes: printed, as the other timing figures of the integration tests are.
            System.out.printf(
                    "With %d standby replica(s) and session.timeout.ms=%s: queries exact again %d ms after the SIGKILL"
                            + " of the instance holding the most tasks (%d answers were 503 meanwhile, none wrong);"
                            + " queries allowing staleness exact after %d ms; the survivors restored %d changelog"
                            + " records%n",
                    standbys,
                    SESSION_TIMEOUT_MS,
                    exactAgainNanos / 1_000_000,
                    unavailable,
                    staleExactNanos / 1_000_000,
                    restoredByFailover);
            if (standbys > 0) {
                assertThat(staleExactNanos)
                        .as("a standby answers a query that allows staleness before the group notices the failure")
                        .isPositive()
                        .isLessThan(exactAgainNanos);
            }
            fixture.produceLines(100);
            fixture.assertExactlyOnceCounts();
            Map<String, Long> after = fixture.expectedCounts();
            Await.until(
                    Duration.ofSeconds(60),
                    "the survivors answer the new counts exactly",
                    () -> instances.stream().allMatch(instance -> answersExactly(instance, after)));
        } finally {
            instances.forEach(ServiceProcess::close);
        }
    }

    private static boolean answersExactly(ServiceProcess instance, Map<String, Long> expected) {
        return answersExactly(List.of(instance), expected, false);
    }

    /**
     * Whether every instance answers every word with its count: an answer is never a wrong count, and one that allows
     * staleness says how far behind it may be.
     */
    private static boolean answersExactly(List<ServiceProcess> instances, Map<String, Long> expected, boolean stale) {
        for (ServiceProcess instance : instances) {
            for (Map.Entry<String, Long> word : expected.entrySet()) {
                HttpResponse<String> answer = stale
                        ? get(URI.create(
                                queryUri(instance, "count-per-word", "count", word.getKey()) + "&allow-stale=true"))
                        : query(instance, "count-per-word", "count", word.getKey());
                if (answer.statusCode() != 200) {
                    return false;
                }
                assertThat(value(answer)).as("the count of %s", word.getKey()).isEqualTo(word.getValue());
                assertThat(answer.body()).startsWith("{\"key\":\"" + word.getKey() + "\",");
                if (stale) {
                    assertThat(answer.headers().firstValue("X-Rivulet-Lag")).isPresent();
                }
            }
        }
        return true;
    }

    private static long countingTasks(ServiceProcess instance) {
        return COUNTING_TASK
                .matcher(instance.body("/rivulet/api/tasks"))
                .results()
                .count();
    }

    /** Changelog records the instances restored into active tasks so far (a standby's updates are not counted). */
    private static double restored(List<ServiceProcess> instances) {
        return instances.stream()
                .mapToDouble(instance -> RESTORED.matcher(instance.body("/q/metrics"))
                        .results()
                        .mapToDouble(match -> Double.parseDouble(match.group(1)))
                        .sum())
                .sum();
    }

    private static String instanceId(ServiceProcess instance) {
        var matcher = Pattern.compile("\"instance\":\"([^\"]+)\"").matcher(instance.body("/rivulet/api/tasks"));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String processIdOf(HttpResponse<String> answer) {
        return answer.headers().firstValue("X-Rivulet-Answered-By").orElseThrow();
    }

    private static long value(HttpResponse<String> answer) {
        var matcher = VALUE.matcher(answer.body());
        assertThat(matcher.find()).as(answer.body()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static HttpResponse<String> query(ServiceProcess instance, String uid, String state, String key) {
        return get(URI.create(queryUri(instance, uid, state, key)));
    }

    private static String queryUri(ServiceProcess instance, String uid, String state, String key) {
        return instance.url() + "/rivulet/api/state/" + uid + "/" + state + "?key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(URI uri) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("querying " + uri + " failed", e);
        }
    }
}
