package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.BrokerMode;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * The wordcount contract (every word's counts exactly 1..n, read_committed) on a three-node cluster whose topics
 * have three replicas and {@code min.insync.replicas=2}, while brokers die, hang or all go away, under a steady
 * load; each test prints the longest processing pause a downstream reader saw.
 */
@WithKafkaCluster(nodes = 3, mode = BrokerMode.PROCESS)
class WordCountBrokerFaultsIT {

    private static final int PARTITIONS = 4;
    private static final Duration PROGRESS_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern RESTORED = Pattern.compile("\"restored-records\"\\s*:\\s*(\\d+)");

    /** Not a temporary directory: the services' logs stay for a look after a failed run. */
    private final Path workDir = Path.of("target", "broker-faults");

    private KafkaCluster cluster;

    @AfterEach
    void everyNodeBackUp() {
        if (cluster == null) {
            return;
        }
        List<Integer> down = new ArrayList<>();
        for (int node : cluster.nodeIds()) {
            try {
                cluster.thawNode(node);
            } catch (RuntimeException e) {
                down.add(node);
            }
        }
        if (!down.isEmpty()) {
            cluster.startNodes(down);
        }
    }

    @Test
    void theBrokerLeadingMostPartitionsIsKilledAndComesBack(KafkaCluster kafka) throws Exception {
        cluster = kafka;
        String app = "wordcount-broker-kill";
        WordCountFixture fixture = new WordCountFixture(kafka, PARTITIONS);
        try (ServiceProcess service = service(kafka, app);
                SteadyLoad load = new SteadyLoad(kafka, fixture, PARTITIONS)) {
            load.awaitProgress(1_000, PROGRESS_TIMEOUT, "before the fault");
            assertInternalTopicsAreReplicated(kafka, app);
            int victim = leaderOfMost(kafka, List.of(WordCountJob.INPUT, changelog(app)));
            kafka.killNode(victim);
            load.awaitProgress(3_000, PROGRESS_TIMEOUT, "with broker " + victim + " dead");
            kafka.startNode(victim);
            load.awaitProgress(1_000, PROGRESS_TIMEOUT, "after broker " + victim + " came back");
            load.stop();
            fixture.assertExactlyOnceCounts();
            assertThat(service.alive()).isTrue();
            report(
                    "broker " + victim + " (leading most input and changelog partitions) SIGKILLed and restarted",
                    load,
                    fixture);
        }
    }

    @Test
    void aBrokerHangsForTwentySeconds(KafkaCluster kafka) throws Exception {
        cluster = kafka;
        String app = "wordcount-broker-freeze";
        WordCountFixture fixture = new WordCountFixture(kafka, PARTITIONS);
        try (ServiceProcess service = service(kafka, app);
                SteadyLoad load = new SteadyLoad(kafka, fixture, PARTITIONS)) {
            load.awaitProgress(1_000, PROGRESS_TIMEOUT, "before the fault");
            int victim = leaderOfMost(kafka, List.of(WordCountJob.INPUT, changelog(app)));
            kafka.freezeNode(victim);
            holdFor(Duration.ofSeconds(20), service);
            kafka.thawNode(victim);
            load.awaitProgress(2_000, PROGRESS_TIMEOUT, "after broker " + victim + " was thawed");
            load.stop();
            fixture.assertExactlyOnceCounts();
            assertThat(service.alive()).isTrue();
            report("broker " + victim + " frozen (SIGSTOP) for 20 s, then SIGCONT", load, fixture);
        }
    }

    @Test
    void theWholeClusterIsDownForThirtySeconds(KafkaCluster kafka) throws Exception {
        cluster = kafka;
        String app = "wordcount-cluster-outage";
        WordCountFixture fixture = new WordCountFixture(kafka, PARTITIONS);
        try (ServiceProcess service = service(kafka, app);
                SteadyLoad load = new SteadyLoad(kafka, fixture, PARTITIONS)) {
            load.awaitProgress(1_000, PROGRESS_TIMEOUT, "before the outage");
            long stopping = System.nanoTime();
            kafka.nodeIds().parallelStream().forEach(kafka::stopNode);
            long down = System.nanoTime();
            boolean readinessWentDown = false;
            while (System.nanoTime() - down < Duration.ofSeconds(30).toNanos()) {
                assertThat(service.alive())
                        .as("service alive during the outage; log:%n%s", service.log())
                        .isTrue();
                assertThat(service.status("/q/health/live"))
                        .as("liveness during the outage")
                        .isEqualTo(200);
                readinessWentDown |= service.status("/q/health/ready") == 503;
                TimeUnit.MILLISECONDS.sleep(250);
            }
            String readinessDuringOutage = service.body("/q/health/ready");
            long starting = System.nanoTime();
            kafka.startNodes(kafka.nodeIds());
            long back = System.nanoTime();
            load.awaitProgress(1, PROGRESS_TIMEOUT, "after the cluster came back");
            Duration resumed = Duration.ofNanos(System.nanoTime() - back);
            Await.until(
                    PROGRESS_TIMEOUT,
                    "readiness UP again after the outage",
                    () -> service.status("/q/health/ready") == 200);
            load.awaitProgress(2_000, PROGRESS_TIMEOUT, "after the cluster came back");
            load.stop();
            fixture.assertExactlyOnceCounts();
            assertThat(readinessWentDown)
                    .as("readiness DOWN while no broker was reachable: %s", readinessDuringOutage)
                    .isTrue();
            assertThat(readinessDuringOutage).contains("not reachable");
            assertThat(service.alive()).isTrue();
            report(
                    String.format(
                            "all three brokers stopped (SIGTERM, %,d ms until they had exited) for 30 s, then started"
                                    + " (%,d ms until they served); output resumed %,d ms after the cluster was back",
                            (down - stopping) / 1_000_000, (back - starting) / 1_000_000, resumed.toMillis()),
                    load,
                    fixture);
        }
    }

    @Test
    void threeInstancesRestartOneAtATimeWithStaticMembership(KafkaCluster kafka) throws Exception {
        cluster = kafka;
        String app = "wordcount-rolling-restart";
        WordCountFixture fixture = new WordCountFixture(kafka, PARTITIONS);
        List<ServiceProcess> instances = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                instances.add(new ServiceProcess(
                                kafka.bootstrapServers(),
                                workDir,
                                Map.of("RIVULET_APPLICATION_ID", app, "RIVULET_GROUP_INSTANCE_ID", app + "-" + i))
                        .start());
            }
            for (ServiceProcess instance : instances) {
                instance.awaitReady();
            }
            try (SteadyLoad load = new SteadyLoad(kafka, fixture, PARTITIONS)) {
                load.awaitProgress(1_000, PROGRESS_TIMEOUT, "before the rolling restart");
                long assignmentsBefore = assignments(instances);
                for (ServiceProcess instance : instances) {
                    assertThat(instance.stop()).as("exit code after SIGTERM").isEqualTo(143);
                    instance.start().awaitReady();
                    load.awaitProgress(500, PROGRESS_TIMEOUT, "after restarting " + instance.url());
                }
                load.stop();
                fixture.assertExactlyOnceCounts();
                long rebalances = assignments(instances) - assignmentsBefore;
                assertThat(rebalances)
                        .as("rebalances during the rolling restart")
                        .isZero();
                report(
                        "rolling restart of 3 instances (SIGTERM, static membership): " + rebalances
                                + " rebalances, restored records after the restarts " + restored(instances),
                        load,
                        fixture);
            }
        } finally {
            instances.forEach(ServiceProcess::close);
        }
    }

    private ServiceProcess service(KafkaCluster kafka, String applicationId) {
        return new ServiceProcess(kafka.bootstrapServers(), workDir, Map.of("RIVULET_APPLICATION_ID", applicationId))
                .start()
                .awaitReady();
    }

    /** How often a leader of the group computed an assignment, over every instance's whole log. */
    private static long assignments(List<ServiceProcess> instances) {
        return instances.stream()
                .mapToLong(instance -> instance.log()
                        .lines()
                        .filter(line -> line.contains("Group assignment:"))
                        .count())
                .sum();
    }

    private static List<String> restored(List<ServiceProcess> instances) {
        return instances.stream()
                .map(instance -> {
                    Matcher matcher = RESTORED.matcher(instance.body("/q/health/ready"));
                    return matcher.find() ? matcher.group(1) : "?";
                })
                .toList();
    }

    private static String changelog(String applicationId) {
        return applicationId + "-" + CountPerWord.UID + "-changelog";
    }

    /** Keeps the fault on for {@code period}, checking that the service stays up meanwhile. */
    private static void holdFor(Duration period, ServiceProcess service) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < period.toNanos()) {
            assertThat(service.alive())
                    .as("service alive during the fault; log:%n%s", service.log())
                    .isTrue();
            assertThat(service.status("/q/health/live"))
                    .as("liveness during the fault")
                    .isEqualTo(200);
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private static int leaderOfMost(KafkaCluster kafka, Collection<String> topics) throws Exception {
        try (Admin admin = admin(kafka)) {
            Map<Integer, Integer> led = new HashMap<>();
            for (TopicDescription topic :
                    admin.describeTopics(topics).allTopicNames().get().values()) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    led.merge(partition.leader().id(), 1, Integer::sum);
                }
            }
            return led.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
        }
    }

    /** Every internal topic the service created has three replicas and min.insync.replicas=2. */
    private static void assertInternalTopicsAreReplicated(KafkaCluster kafka, String applicationId) throws Exception {
        try (Admin admin = admin(kafka)) {
            TreeSet<String> internal = new TreeSet<>(admin.listTopics().names().get());
            internal.removeIf(topic -> !topic.startsWith(applicationId + "-"));
            assertThat(internal)
                    .contains(
                            changelog(applicationId),
                            applicationId + "-repartition-0",
                            applicationId + "-rivulet-control");
            for (TopicDescription topic :
                    admin.describeTopics(internal).allTopicNames().get().values()) {
                assertThat(topic.partitions())
                        .allSatisfy(
                                p -> assertThat(p.replicas()).as(topic.name()).hasSize(3));
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
                Config config =
                        admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(config.get("min.insync.replicas").value())
                        .as(topic.name())
                        .isEqualTo("2");
            }
        }
    }

    private static Admin admin(KafkaCluster kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static void report(String fault, SteadyLoad load, WordCountFixture fixture) {
        System.out.printf(
                "Broker fault: %s; %,d occurrences counted exactly once; longest processing pause %,d ms%n",
                fault, fixture.expectedOccurrences(), load.longestPause().toMillis());
    }
}
