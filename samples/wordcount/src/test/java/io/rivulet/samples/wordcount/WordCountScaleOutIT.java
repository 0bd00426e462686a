package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * A fourth wordcount instance joins three while input flows: the counting tasks it is to take over keep running where
 * they are while warm-up replicas restore their state on it, and move once those caught up, so no task stops for a
 * restore; the counts stay exactly 1..n; and a query during the rebalances answers the exact count or a 503, never
 * a wrong one.
 */
@WithKafkaCluster
class WordCountScaleOutIT {

    private static final Pattern TASK = Pattern.compile(
            "\"id\":\"(\\d+_\\d+)\",\"thread\":\"[^\"]*\",\"state\":\"([A-Z]+)\".*?\"records-consumed\":(\\d+)");
    private static final Pattern RESTORED = Pattern.compile("(?m)^rivulet_restored_records_total\\{[^}]*} ([0-9.E]+)$");
    private static final long ACCEPTABLE_RECOVERY_LAG = 500;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path workDir;

    /** A task as one poll of an instance's {@code /rivulet/api/tasks} shows it. */
    private record Seen(String instance, String state, long consumed) {}

    @Test
    void warmupsMoveTasksToANewInstanceWithoutStoppingAnyForARestore(KafkaCluster kafka) throws Exception {
        WordCountFixture fixture = new WordCountFixture(kafka, 4);
        Map<String, String> settings = Map.of(
                "RIVULET_APPLICATION_ID", "wordcount-scale-out",
                "RIVULET_ACCEPTABLE_RECOVERY_LAG", Long.toString(ACCEPTABLE_RECOVERY_LAG),
                "RIVULET_MAX_WARMUP_REPLICAS", "4");
        List<ServiceProcess> instances = new ArrayList<>();
        AtomicBoolean flowing = new AtomicBoolean(true);
        Thread producer = null;
        try {
            for (int i = 0; i < 3; i++) {
                instances.add(new ServiceProcess(kafka.bootstrapServers(), workDir, settings).start());
            }
            for (ServiceProcess instance : instances) {
                instance.awaitReady();
            }
            // Distinct words make every count a changelog record of its own: each counting task's changelog grows far
            // beyond the acceptable recovery lag, so that a new instance is not caught up on any of them.
            fixture.produceDistinctWords("distinct", 10_000);
            fixture.assertExactlyOnceCounts();
            producer = new Thread(() -> {
                while (flowing.get()) {
                    fixture.produceLines(5);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            producer.start();

            double restoredBefore = restored(instances);
            ServiceProcess fourth = new ServiceProcess(kafka.bootstrapServers(), workDir, settings).start();
            instances.add(fourth);
            Map<String, Seen> last = new HashMap<>();
            Map<String, Long> lastProgress = new HashMap<>();
            Map<String, Long> longestPause = new HashMap<>();
            Set<String> restoring = new HashSet<>();
            long started = System.nanoTime();
            long deadline = started + Duration.ofSeconds(120).toNanos();
            long settledSince = -1;
            long longestSample = 0;
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger unavailable = new AtomicInteger();
            List<String> wrong = new CopyOnWriteArrayList<>();
            AtomicBoolean querying = new AtomicBoolean(true);
            // Words counted once before the scale-out keep the count 1 throughout, whichever task moves.
            Thread queries = new Thread(() -> {
                while (querying.get()) {
                    for (ServiceProcess instance : instances) {
                        for (int word = 0; word < 10_000; word += 997) {
                            HttpResponse<String> answer = query(instance, "distinct" + word);
                            if (answer == null) {
                                break;
                            }
                            if (answer.statusCode() == 200 && answer.body().contains("\"value\":1}")) {
                                answered.incrementAndGet();
                            } else if (answer.statusCode() == 503) {
                                unavailable.incrementAndGet();
                            } else {
                                wrong.add(answer.statusCode() + " " + answer.body());
                            }
                        }
                    }
                }
            });
            queries.start();
            while (System.nanoTime() < deadline) {
                long now = System.nanoTime();
                Map<String, Seen> seen = new HashMap<>();
                for (ServiceProcess instance : instances) {
                    String body =
                            instance.status("/rivulet/api/tasks") == 200 ? instance.body("/rivulet/api/tasks") : "";
                    Matcher task = TASK.matcher(body);
                    while (task.find()) {
                        String id = task.group(1);
                        String state = task.group(2);
                        if (state.equals("RESTORING")) {
                            restoring.add(id);
                        }
                        if (state.equals("RUNNING") || state.equals("RESTORING")) {
                            seen.put(id, new Seen(instance.url(), state, Long.parseLong(task.group(3))));
                        }
                    }
                }
                seen.forEach((id, current) -> {
                    if (current.state().equals("RUNNING") && !current.equals(last.get(id))) {
                        Long previous = lastProgress.put(id, now);
                        if (previous != null) {
                            longestPause.merge(id, now - previous, Math::max);
                        }
                    }
                });
                last.putAll(seen);
                longestSample = Math.max(longestSample, System.nanoTime() - now);
                boolean fourthCounts = seen.entrySet().stream()
                        .anyMatch(entry -> entry.getKey().startsWith("1_")
                                && entry.getValue().instance().equals(fourth.url()));
                if (fourthCounts && settledSince < 0) {
                    settledSince = now;
                }
                if (settledSince > 0
                        && now - settledSince > Duration.ofSeconds(5).toNanos()) {
                    break;
                }
                Thread.sleep(100);
            }
            flowing.set(false);
            producer.join();
            querying.set(false);
            queries.join();
            assertThat(wrong)
                    .as("answers during the scale-out that were not the exact count nor a 503")
                    .isEmpty();
            assertThat(settledSince)
                    .as("the new instance took over a counting task")
                    .isPositive();
            List<String> warmedUp = Pattern.compile("keeps a warm-up replica of task (1_\\d+)")
                    .matcher(fourth.log())
                    .results()
                    .map(match -> match.group(1))
                    .toList();
            assertThat(warmedUp)
                    .as("the new instance warmed the counting tasks it took over up first")
                    .isNotEmpty();
            assertThat(fourth.log()).contains("caught up", "asking the group to rebalance");
            long restoredDuringScaleOut = Math.round(restored(instances) - restoredBefore);
            long pauseMs = longestPause.values().stream()
                            .mapToLong(Long::longValue)
                            .max()
                            .orElse(0)
                    / 1_000_000;
            System.out.printf(
                    "Scale-out from 3 to 4 instances under load: warm-ups of %s; the active tasks restored %d"
                            + " changelog records in all; tasks seen restoring: %s; the longest processing pause of"
                            + " any task: %d ms (per task: %s; the slowest sample of the four instances took %d ms);"
                            + " queries meanwhile: %d exact, %d 503, none wrong%n",
                    warmedUp,
                    restoredDuringScaleOut,
                    restoring,
                    pauseMs,
                    longestPause.entrySet().stream()
                            .map(entry -> entry.getKey() + "=" + entry.getValue() / 1_000_000 + "ms")
                            .sorted()
                            .toList(),
                    longestSample / 1_000_000,
                    answered.get(),
                    unavailable.get());
            assertThat(restoredDuringScaleOut)
                    .as("a task moved only once caught up: it restored at most what its warm-up had left")
                    .isLessThan(2 * ACCEPTABLE_RECOVERY_LAG);
            fixture.assertExactlyOnceCounts();
        } finally {
            flowing.set(false);
            if (producer != null) {
                producer.join();
            }
            instances.forEach(ServiceProcess::close);
        }
    }

    /** The instance's answer; null while it does not listen yet. */
    private static HttpResponse<String> query(ServiceProcess instance, String word) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(
                                    URI.create(instance.url() + "/rivulet/api/state/count-per-word/count?key=" + word))
                            .timeout(Duration.ofSeconds(15))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Changelog records the instances restored into active tasks so far (a replica's updates are not counted). */
    private static double restored(List<ServiceProcess> instances) {
        return instances.stream()
                .filter(instance -> instance.status("/q/metrics") == 200)
                .mapToDouble(instance -> RESTORED.matcher(instance.body("/q/metrics"))
                        .results()
                        .mapToDouble(match -> Double.parseDouble(match.group(1)))
                        .sum())
                .sum();
    }
}
