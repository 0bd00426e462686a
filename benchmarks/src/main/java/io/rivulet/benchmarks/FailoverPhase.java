package io.rivulet.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

/**
 * Failover with large state ({@link Workload#LARGE_STATE}): two instances of one application build about 1 GB of
 * state together (1M records), with and without one standby replica of every stateful task; once both are idle and
 * a minute more has passed (for the standbys to apply the whole changelog), one instance is SIGKILLed and a little new
 * input arrives. The figure is the time from the kill until the group has committed the new input of every partition: the survivor notices the
 * death (the 6 s session timeout every contender has), takes the dead instance's tasks over, restores what its
 * copy lacks (everything without a standby) and processes.
 */
final class FailoverPhase {

    private static final Workload WORKLOAD = Workload.LARGE_STATE;
    /** A second in which a JVM used less CPU than this counts as idle. */
    private static final double IDLE_CPU_SECONDS = 0.1;
    /** Time every contender gets after the build for its standbys to catch up: ample for 500k changelog records. */
    private static final Duration STANDBY_SETTLE = Duration.ofSeconds(60);

    private final String bootstrap;
    private final KafkaProbe probe;
    private final Path out;
    private final int partitions;
    private final Report report;

    FailoverPhase(String bootstrap, KafkaProbe probe, Path out, int partitions, Report report) {
        this.bootstrap = bootstrap;
        this.probe = probe;
        this.out = out;
        this.partitions = partitions;
        this.report = report;
    }

    void run(int records, int runCount, List<Contender> contenders) throws InterruptedException {
        String input = WORKLOAD.inputTopic().replace("-in", "-failover-in");
        probe.createTopics(Set.of(input), partitions);
        probe.load(WORKLOAD, input, records, 1);
        for (Contender contender : contenders) {
            probe.createTopics(Set.of(output(contender)), partitions);
        }
        for (int run = 1; run <= runCount; run++) {
            for (int i = 0; i < contenders.size(); i++) {
                Contender contender = contenders.get((i + run - 1) % contenders.size());
                for (int standbys : List.of(1, 0)) {
                    failover(contender, input, standbys, run);
                }
            }
        }
    }

    private static String output(Contender contender) {
        return "bench-" + WORKLOAD.id() + "-failover-" + contender.id() + "-out";
    }

    private void failover(Contender contender, String input, int standbys, int run) throws InterruptedException {
        String appId = "bench-failover-" + contender.id() + "-" + standbys + "-" + run;
        ChildJvm first = launch(contender, appId, input, 1, standbys);
        ChildJvm second = launch(contender, appId, input, 2, standbys);
        try {
            first.awaitStarted();
            second.awaitStarted();
            probe.awaitCommitted(appId, probe.endOffsets(input, partitions), Duration.ofMinutes(30));
            awaitIdle(List.of(first, second), Duration.ofMinutes(10));
            // Neither contender says from outside when its standbys have applied the whole changelog, and a standby
            // that fell behind while the state was built catches up with little CPU: both get the same time for it.
            Thread.sleep(STANDBY_SETTLE.toMillis());
            awaitIdle(List.of(first, second), Duration.ofMinutes(10));
            // Killed while idle: a transaction it had open would hold every read_committed reader of its partitions
            // back until the broker aborts it (the 10 s transaction timeout), whatever the standbys did.
            long killed = System.nanoTime();
            first.kill();
            probe.load(WORKLOAD, input, 1_000, 2 + run);
            Map<TopicPartition, Long> ends = probe.endOffsets(input, partitions);
            long caughtUp = probe.awaitCommitted(appId, ends, Duration.ofMinutes(30));
            report.add(new Figure(
                    "failover",
                    WORKLOAD.id(),
                    contender.id() + (standbys > 0 ? " + " + standbys + " standby" : ""),
                    run,
                    Report.values(
                            "state_mib",
                            probe.bytesIn(appId, "-changelog") / 1024.0 / 1024.0,
                            "standby_replicas",
                            standbys,
                            "failover_s",
                            (caughtUp - killed) / 1e9)));
        } finally {
            first.kill();
            second.stop();
        }
    }

    private ChildJvm launch(Contender contender, String appId, String input, int instance, int standbys) {
        ContenderSettings settings = new ContenderSettings(
                bootstrap,
                appId,
                input,
                output(contender),
                out.resolve("state").resolve(appId + "-" + instance),
                instance,
                standbys);
        return ChildJvm.launch(
                contender, WORKLOAD, settings, out.resolve("logs").resolve(appId + "-" + instance + ".log"));
    }

    /**
     * Waits until every JVM used less than {@link #IDLE_CPU_SECONDS} of CPU in a second: the input is processed and
     * a standby has applied the whole changelog (neither contender says so from outside).
     */
    private static void awaitIdle(List<ChildJvm> children, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        double[] before = children.stream().mapToDouble(ChildJvm::cpuSeconds).toArray();
        while (System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean idle = true;
            for (int i = 0; i < children.size(); i++) {
                double now = children.get(i).cpuSeconds();
                idle &= now - before[i] < IDLE_CPU_SECONDS;
                before[i] = now;
            }
            if (idle) {
                return;
            }
        }
        throw new IllegalStateException("the instances did not become idle within " + timeout);
    }
}
