package io.rivulet.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;

/**
 * Restore and recovery with large state ({@link Workload#LARGE_STATE}). Per run and contender: build a small
 * state (a tenth of the records) and SIGKILL the instance, then restart it on its state directory and time
 * until it has caught up with a little new input (recovery); then the same with the full state (about 1 GB
 * for 1M records), and finally a fresh instance with an empty state directory that rebuilds the full state
 * from the changelog (restore). Recovery at two state sizes shows whether it depends on the size.
 */
final class RecoveryPhase {

    private static final Workload WORKLOAD = Workload.LARGE_STATE;

    private final String bootstrap;
    private final KafkaProbe probe;
    private final Path out;
    private final int partitions;
    private final Report report;

    RecoveryPhase(String bootstrap, KafkaProbe probe, Path out, int partitions, Report report) {
        this.bootstrap = bootstrap;
        this.probe = probe;
        this.out = out;
        this.partitions = partitions;
        this.report = report;
    }

    void run(int records, int runCount, List<Contender> contenders) {
        String small = WORKLOAD.inputTopic().replace("-in", "-small-in");
        String large = WORKLOAD.inputTopic();
        probe.createTopics(Set.of(small, large), partitions);
        probe.load(WORKLOAD, small, records / 10, 1);
        probe.load(WORKLOAD, large, records, 1);
        for (Contender contender : contenders) {
            probe.createTopics(Set.of(output(contender)), partitions);
        }
        for (int run = 1; run <= runCount; run++) {
            for (int i = 0; i < contenders.size(); i++) {
                Contender contender = contenders.get((i + run - 1) % contenders.size());
                String output = output(contender);
                Built smallState = buildAndKill(
                        contender, small, output, "bench-large-state-small-" + contender.id() + "-" + run, run, false);
                Built largeState = buildAndKill(
                        contender, large, output, "bench-large-state-" + contender.id() + "-" + run, run, true);
                report.add(new Figure(
                        "recovery",
                        WORKLOAD.id(),
                        contender.id(),
                        run,
                        Report.values(
                                "small_state_mib",
                                smallState.stateMib(),
                                "small_recovery_s",
                                timeToCatchUp(contender, smallState.settings(), 2),
                                "state_mib",
                                largeState.stateMib(),
                                "recovery_s",
                                timeToCatchUp(contender, largeState.settings(), 2))));
                ContenderSettings fresh = new ContenderSettings(
                        bootstrap,
                        largeState.settings().applicationId(),
                        large,
                        output,
                        out.resolve("state").resolve(largeState.settings().applicationId() + "-fresh"));
                double restore = timeToCatchUp(contender, fresh, 3);
                report.add(new Figure(
                        "restore",
                        WORKLOAD.id(),
                        contender.id(),
                        run,
                        Report.values(
                                "changelog_records",
                                largeState.changelogRecords(),
                                "state_mib",
                                largeState.stateMib(),
                                "restore_s",
                                restore,
                                "restore_records_per_s",
                                largeState.changelogRecords() / restore,
                                "restore_mib_per_s",
                                largeState.stateMib() / restore)));
            }
        }
    }

    private static String output(Contender contender) {
        return "bench-" + WORKLOAD.id() + "-" + contender.id() + "-out";
    }

    private record Built(ContenderSettings settings, long changelogRecords, double stateMib) {}

    /** Drains {@code input} into a new instance's state, then SIGKILLs it; the full build is a throughput figure. */
    private Built buildAndKill(
            Contender contender, String input, String output, String appId, int run, boolean measure) {
        ContenderSettings settings = new ContenderSettings(
                bootstrap, appId, input, output, out.resolve("state").resolve(appId));
        Drain drain = Drain.run(probe, contender, WORKLOAD, settings, partitions, out.resolve("logs"), run);
        if (measure) {
            report.add(drain.throughput());
        }
        drain.child().kill();
        return new Built(
                settings, probe.recordsIn(appId, "-changelog"), probe.bytesIn(appId, "-changelog") / 1024.0 / 1024.0);
    }

    /**
     * Starts the contender on existing or empty state, appends a little input and measures the time until it
     * has committed that input: restore plus rejoining the group plus processing, as a user sees it.
     */
    private double timeToCatchUp(Contender contender, ContenderSettings settings, long seed) {
        probe.load(WORKLOAD, settings.input(), 1_000, seed);
        Map<TopicPartition, Long> ends = probe.endOffsets(settings.input(), partitions);
        ChildJvm child = ChildJvm.launch(
                contender,
                WORKLOAD,
                settings,
                out.resolve("logs").resolve(settings.applicationId() + "-restart-" + seed + ".log"));
        long started = child.awaitStarted();
        long caughtUp = probe.awaitCommitted(settings.applicationId(), ends, Duration.ofMinutes(30));
        child.stop();
        return (caughtUp - started) / 1e9;
    }
}
