package io.rivulet.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.runtime.assignment.AssignmentSettings;
import io.rivulet.internal.runtime.thread.TaskStatus;
import io.rivulet.testfunctions.CountPerKey;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * Standby replicas on a real broker, two instances of one job in this JVM: each stateful task runs on one instance
 * and is mirrored on the other; when the instance running it leaves, the task moves to its standby, which restores
 * only what it had not applied, and the counts go on exactly.
 */
@WithKafkaCluster
class StandbyReplicasTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path stateDirA;

    @TempDir
    Path stateDirB;

    private static JobGraph job() {
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values("standby-in", Serdes.string()))
                .keyBy(word -> word, Serdes.string(), Serdes.string())
                .process(new CountPerKey(":"))
                .uid("count")
                .sinkTo(KafkaSink.values("standby-out", Serdes.string()));
        return JobGraphs.of(job);
    }

    private static List<String> words(int count, int from) {
        List<String> words = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            words.add("w" + i % 25);
        }
        return words;
    }

    private static List<TaskStatus> stateful(StreamsRuntime... runtimes) {
        return Stream.of(runtimes)
                .flatMap(runtime -> runtime.tasks().stream())
                .filter(task -> !task.changelogs().isEmpty())
                .toList();
    }

    @Test
    void aTaskMovesToItsStandbyWhichRestoresOnlyWhatItHadNotAppliedAndTheCountsGoOnExactly(KafkaCluster kafka) {
        kafka.createTopic("standby-in", 2);
        kafka.createTopic("standby-out", 1);
        AssignmentSettings oneStandby = new AssignmentSettings(1, 10_000, 2, Duration.ofMinutes(10));
        RuntimeConfig configA = RuntimeConfigs.exactlyOnce("standbys", kafka.bootstrapServers(), stateDirA)
                .withAssignment(oneStandby);
        RuntimeConfig configB = RuntimeConfigs.exactlyOnce("standbys", kafka.bootstrapServers(), stateDirB)
                .withAssignment(oneStandby);
        List<String> input = new ArrayList<>(words(2_000, 0));
        try (StreamsRuntime b = StreamsRuntime.start(configB, job(), error -> {})) {
            try (StreamsRuntime a = StreamsRuntime.start(configA, job(), error -> {})) {
                TestRecords.produceValues(kafka.bootstrapServers(), "standby-in", input);
                Await.until(TIMEOUT, "each stateful task running on one instance, caught up on the other", () -> {
                    List<TaskStatus> tasks = stateful(a, b);
                    return tasks.stream()
                                            .filter(task -> task.state().equals("RUNNING"))
                                            .count()
                                    == 2
                            && tasks.stream()
                                            .filter(task -> task.state().equals("STANDBY")
                                                    && task.lag().orElse(-1) == 0)
                                            .count()
                                    == 2;
                });
                for (TaskStatus standby : stateful(a, b)) {
                    if (standby.state().equals("STANDBY")) {
                        assertThat(Stream.concat(a.tasks().stream(), b.tasks().stream())
                                        .filter(task -> task.id().equals(standby.id()))
                                        .map(TaskStatus::thread))
                                .as("task %s runs on one instance and is mirrored on the other", standby.id())
                                .hasSize(2);
                    }
                }
                assertThat(TestRecords.readCommitted(kafka.bootstrapServers(), "standby-out", 2_000, TIMEOUT))
                        .hasSize(2_000);
                List<String> more = words(2_000, 2_000);
                input.addAll(more);
                TestRecords.produceValues(kafka.bootstrapServers(), "standby-in", more);
                assertThat(TestRecords.readCommitted(kafka.bootstrapServers(), "standby-out", 4_000, TIMEOUT))
                        .hasSize(4_000);
                Await.until(
                        TIMEOUT,
                        "the standbys caught up",
                        () -> stateful(a, b).stream()
                                .filter(task -> task.state().equals("STANDBY"))
                                .allMatch(task -> task.lag().orElse(-1) == 0));
            }
            long restoredBefore = b.metrics().recordsRestored();
            Await.until(
                    TIMEOUT,
                    "the remaining instance runs every task",
                    () -> b.tasks().stream()
                                    .filter(task -> task.state().equals("RUNNING"))
                                    .count()
                            == 4);
            long restored = b.metrics().recordsRestored() - restoredBefore;
            System.out.printf("Failover to the standbys restored %d changelog records%n", restored);
            assertThat(restored)
                    .as("the standbys had applied every committed change: nothing is left to restore")
                    .isZero();

            List<String> last = words(1_000, 4_000);
            input.addAll(last);
            TestRecords.produceValues(kafka.bootstrapServers(), "standby-in", last);
            List<String> output =
                    TestRecords.readCommitted(kafka.bootstrapServers(), "standby-out", 5_000, TIMEOUT).stream()
                            .map(ConsumerRecord::value)
                            .toList();
            assertThat(output).hasSize(5_000);
            Map<String, List<Long>> countsByWord = new HashMap<>();
            output.forEach(line -> countsByWord
                    .computeIfAbsent(line.substring(0, line.indexOf(':')), w -> new ArrayList<>())
                    .add(Long.parseLong(line.substring(line.indexOf(':') + 1))));
            countsByWord.values().forEach(counts -> {
                counts.sort(Long::compare);
                for (int i = 0; i < counts.size(); i++) {
                    assertThat(counts.get(i)).isEqualTo(i + 1L);
                }
            });
            assertThat(countsByWord.values().stream().mapToInt(List::size).sum())
                    .isEqualTo(input.size());
        }
    }
}
