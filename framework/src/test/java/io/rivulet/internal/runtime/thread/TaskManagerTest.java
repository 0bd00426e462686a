package io.rivulet.internal.runtime.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.graph.Topology;
import io.rivulet.internal.graph.TopologyCompiler;
import io.rivulet.internal.runtime.assignment.AssignmentSettings;
import io.rivulet.internal.runtime.assignment.LocalTaskOffsets;
import io.rivulet.internal.runtime.assignment.MemberState;
import io.rivulet.internal.runtime.changelog.ChangelogReader;
import io.rivulet.internal.runtime.metrics.CountedRecordOutput;
import io.rivulet.internal.runtime.metrics.RuntimeMetrics;
import io.rivulet.internal.runtime.query.QueryableTasks;
import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.internal.runtime.task.RecordErrorHandler;
import io.rivulet.internal.runtime.task.Task;
import io.rivulet.internal.runtime.task.TaskFactory;
import io.rivulet.sink.DeadLetters;
import io.rivulet.sink.ProcessingGuarantee;
import io.rivulet.sink.RecordOutput;
import io.rivulet.sink.TransactionAbortedException;
import io.rivulet.state.InMemoryStateBackend;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * The task manager of one stream thread, driven by hand on the real broker: a real consumer in a group, the
 * exactly-once output, tasks created on assignment, committed together, rewound after an abort.
 */
@WithKafkaCluster
class TaskManagerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Topology upperCase(String input, String output) {
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values(input, Serdes.string()))
                .map(String::toUpperCase)
                .sinkTo(KafkaSink.values(output, Serdes.string()));
        return TopologyCompiler.compile("task-manager", JobGraphs.of(job));
    }

    private static Map<String, Object> consumerConfigs(KafkaCluster kafka, String group) {
        Map<String, Object> configs = new HashMap<>();
        configs.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        configs.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        configs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return configs;
    }

    /** Polls and processes until {@code condition} holds: what the stream thread's loop does, one step at a time. */
    private static void runUntil(
            KafkaConsumer<byte[], byte[]> consumer,
            TaskManager tasks,
            String what,
            java.util.concurrent.Callable<Boolean> condition) {
        Await.until(TIMEOUT, what, () -> {
            tasks.addRecords(consumer.poll(Duration.ofMillis(50)));
            tasks.restore();
            for (Task task : tasks.tasks()) {
                while (task.processNext()) {
                    // processNext does the work
                }
            }
            return condition.call();
        });
    }

    @Test
    void tasksFollowTheAssignmentCommitTogetherAndStartOverFromTheCommitAfterAnAbort(KafkaCluster kafka) {
        kafka.createTopic("tm-in", 2);
        kafka.createTopic("tm-out", 1);
        Topology topology = upperCase("tm-in", "tm-out");
        Map<String, Object> producerConfigs = Map.of("bootstrap.servers", kafka.bootstrapServers());
        RuntimeMetrics metrics = new RuntimeMetrics();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
                InMemoryStateBackend backend = new InMemoryStateBackend();
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                        consumerConfigs(kafka, "task-manager"),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
                KafkaConsumer<byte[], byte[]> restoreConsumer = new KafkaConsumer<>(
                        consumerConfigs(kafka, "unused"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
                RecordOutput output = new CountedRecordOutput(
                        RecordOutput.create(ProcessingGuarantee.EXACTLY_ONCE, producerConfigs, "task-manager-1"),
                        metrics)) {
            TaskFactory factory = new TaskFactory(
                    topology,
                    Map.of("tm-in", 2),
                    backend,
                    new RecordErrorHandler(ErrorPolicy.FAIL, ErrorPolicy.FAIL, DeadLetters.topicFor("task-manager")),
                    InstantSource.system());
            TaskManager tasks = new TaskManager(
                    "thread-1",
                    factory,
                    new ChangelogReader(restoreConsumer, metrics),
                    consumer,
                    output,
                    ProcessingGuarantee.EXACTLY_ONCE,
                    metrics,
                    new RepartitionPurger(admin, Set.of(), RepartitionPurger.INTERVAL),
                    new QueryableTasks(),
                    new MemberState(),
                    new LocalTaskOffsets(),
                    AssignmentSettings.DEFAULTS);
            consumer.subscribe(List.of("tm-in"), tasks.rebalanceListener());
            runUntil(
                    consumer,
                    tasks,
                    "both partitions assigned",
                    () -> tasks.tasks().size() == 2);
            assertThat(tasks.tasks()).extracting(task -> task.id().toString()).containsExactlyInAnyOrder("0_0", "0_1");

            TestRecords.produceValues(kafka.bootstrapServers(), "tm-in", List.of("a", "b", "c", "d"));
            runUntil(consumer, tasks, "four records processed", () -> uncommitted(tasks) == 4);
            assertThat(tasks.commit()).isTrue();
            assertThat(metrics.commits()).isEqualTo(1);
            assertThat(committedOffsets(consumer)).isEqualTo(4);

            TestRecords.produceValues(kafka.bootstrapServers(), "tm-in", List.of("e", "f"));
            runUntil(consumer, tasks, "two more records processed", () -> uncommitted(tasks) == 2);
            output.abort();
            tasks.recoverFromAbort(new TransactionAbortedException("aborted by the test", null, false));
            assertThat(metrics.abortedTransactions()).isEqualTo(1);
            runUntil(consumer, tasks, "the two records read again", () -> uncommitted(tasks) == 2);
            tasks.closeAll(true);
            assertThat(committedOffsets(consumer)).isEqualTo(6);
        }
        // Counted when committed: the two records of the aborted transaction count once, with their retry.
        MeterRegistry registry = metrics.registry();
        assertThat(registry.find("rivulet.records.consumed").tag("topic", "tm-in").counters().stream()
                        .mapToDouble(counter -> counter.count())
                        .sum())
                .isEqualTo(6.0);
        assertThat(registry.get("rivulet.records.produced")
                        .tag("topic", "tm-out")
                        .counter()
                        .count())
                .isEqualTo(6.0);
        assertThat(registry.get("rivulet.transactions.aborted")
                        .tag("cause", "error")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get("rivulet.commits").counter().count()).isEqualTo(2.0);
        assertThat(registry.get("rivulet.commit.duration").timer().count()).isEqualTo(2);
        List<String> written = TestRecords.readCommitted(kafka.bootstrapServers(), "tm-out", 6, TIMEOUT).stream()
                .map(ConsumerRecord::value)
                .toList();
        assertThat(written)
                .as("the aborted attempt left nothing; the retry wrote each once")
                .containsExactlyInAnyOrder("A", "B", "C", "D", "E", "F");
    }

    private static long committedOffsets(KafkaConsumer<byte[], byte[]> consumer) {
        Map<TopicPartition, OffsetAndMetadata> committed =
                consumer.committed(Set.of(new TopicPartition("tm-in", 0), new TopicPartition("tm-in", 1)));
        return committed.values().stream()
                .mapToLong(offset -> offset == null ? 0 : offset.offset())
                .sum();
    }

    /** Records consumed since the last commit, over all tasks: what the next commit's offsets move past. */
    private static long uncommitted(TaskManager tasks) {
        return tasks.tasks().stream().mapToLong(Task::uncommittedRecords).sum();
    }
}
