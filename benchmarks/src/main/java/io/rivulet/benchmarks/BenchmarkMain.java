package io.rivulet.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.rivulet.testkit.BrokerMode;
import io.rivulet.testkit.ClusterSpec;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.KafkaClusters;

/**
 * The benchmark harness: one broker in its own process, each workload's backlog loaded once, each contender
 * run in a fresh JVM with contenders alternating run by run so that machine drift hits all of them.
 */
@Command(name = "rivulet-benchmarks", mixinStandardHelpOptions = true)
public final class BenchmarkMain implements Callable<Integer> {

    private static final int PARTITIONS = 4;

    enum Mode {
        QUICK,
        FULL
    }

    @Option(names = "--mode", description = "quick (a few minutes) or full (the figures for the README)")
    String mode = "quick";

    @Option(names = "--out", description = "directory for results.csv, results.md and results.png")
    Path out = Path.of("target/benchmarks");

    @Option(names = "--runs", description = "runs per contender; 0 means the mode's default (2 quick, 3 full)")
    int runs;

    @Option(names = "--workloads", split = ",", description = "workloads to run (default: all)")
    Set<String> workloads = Set.of(
            "stateless",
            "wordcount",
            "tumbling-window",
            "session-window",
            "interval-join",
            "q0",
            "q1",
            "q2",
            "q5",
            "q7",
            "q8",
            "q11");

    @Option(names = "--contenders", split = ",", description = "contenders to run (default: all)")
    Set<String> contenderIds = Set.of("ceiling-eos", "ceiling-alos", "kafka-streams", "rivulet");

    @Option(
            names = "--phases",
            split = ",",
            description = "what to measure (default: throughput,latency,recovery,failover,savepoint)")
    Set<String> phases = Set.of("throughput", "latency", "recovery", "failover", "savepoint");

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkMain())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        Mode chosen = Mode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
        int records = chosen == Mode.FULL ? 1_000_000 : 100_000;
        // Every run starts on a new broker: local state of an earlier run belongs to changelogs that are gone.
        deleteRecursively(out.resolve("state"));
        deleteRecursively(out.resolve("savepoints"));
        int runCount = runs > 0 ? runs : (chosen == Mode.FULL ? 3 : 2);
        int rate = chosen == Mode.FULL ? 5_000 : 2_000;
        Duration latencyDuration = Duration.ofSeconds(chosen == Mode.FULL ? 30 : 10);
        Report report = new Report();
        try (KafkaCluster kafka = KafkaClusters.start(ClusterSpec.singleNode().withMode(BrokerMode.PROCESS));
                KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers())) {
            if (phases.contains("throughput")) {
                for (Workload workload : Workload.values()) {
                    // The large-state workload is drained as part of the recovery phase, which needs its state.
                    if (!workloads.contains(workload.id()) || workload == Workload.LARGE_STATE) {
                        continue;
                    }
                    runWorkload(kafka.bootstrapServers(), probe, workload, records, runCount, report);
                }
            }
            if (phases.contains("latency")) {
                runLatency(kafka.bootstrapServers(), probe, rate, latencyDuration, runCount, report);
            }
            if (phases.contains("recovery")) {
                new RecoveryPhase(kafka.bootstrapServers(), probe, out, PARTITIONS, report)
                        .run(records, runCount, contenders(Workload.LARGE_STATE));
            }
            if (phases.contains("failover")) {
                List<Contender> stateful = contenders(Workload.LARGE_STATE).stream()
                        .filter(contender -> contender == Contender.RIVULET || contender == Contender.KAFKA_STREAMS)
                        .toList();
                new FailoverPhase(kafka.bootstrapServers(), probe, out, PARTITIONS, report)
                        .run(records, runCount, stateful);
            }
            if (phases.contains("savepoint") && contenderIds.contains("rivulet")) {
                new SavepointPhase(kafka.bootstrapServers(), probe, out, PARTITIONS, report).run(records, runCount);
            }
        }
        report.write(
                out,
                "Mode " + chosen.name().toLowerCase(java.util.Locale.ROOT) + ": " + records
                        + " input records per workload, " + runCount + " runs, " + PARTITIONS
                        + " partitions, commit interval "
                        + ContenderSettings.COMMIT_INTERVAL.toMillis() + " ms, exactly-once unless named; latency at "
                        + rate
                        + " records/s for " + latencyDuration.toSeconds() + " s. Run "
                        + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE)
                        + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + ".");
        return 0;
    }

    private void runWorkload(
            String bootstrap, KafkaProbe probe, Workload workload, int records, int runCount, Report report) {
        String input = workload.inputTopic();
        List<Contender> contenders = contenders(workload);
        for (Contender contender : contenders) {
            probe.createTopics(Set.of(output(workload, contender)), PARTITIONS);
        }
        probe.createTopics(Set.of(input), PARTITIONS);
        long loadStart = System.nanoTime();
        probe.load(workload, input, records, 1);
        System.out.println("loaded workload=" + workload.id() + " records=" + records + " seconds="
                + Figure.format((System.nanoTime() - loadStart) / 1e9));
        for (int run = 1; run <= runCount; run++) {
            for (int i = 0; i < contenders.size(); i++) {
                // Rotate the order every run: A B C, B C A, C A B, so drift does not favour one contender.
                Contender contender = contenders.get((i + run - 1) % contenders.size());
                runThroughput(bootstrap, probe, workload, contender, run, report);
            }
        }
    }

    private void runThroughput(
            String bootstrap, KafkaProbe probe, Workload workload, Contender contender, int run, Report report) {
        String appId = "bench-" + workload.id() + "-" + contender.id() + "-" + run;
        ContenderSettings settings = new ContenderSettings(
                bootstrap,
                appId,
                workload.inputTopic(),
                output(workload, contender),
                out.resolve("state").resolve(appId));
        Drain drain = Drain.run(probe, contender, workload, settings, PARTITIONS, out.resolve("logs"), run);
        drain.child().stop();
        report.add(drain.throughput().with("dropped_records", droppedRecords(settings)));
    }

    /** What a stopped contender reported as dropped; NaN for contenders that do not count it. */
    private static double droppedRecords(ContenderSettings settings) {
        Path file = settings.stateDir().resolve(ContenderMain.DROPPED_FILE);
        try {
            return Files.exists(file)
                    ? Double.parseDouble(Files.readString(file).trim())
                    : Double.NaN;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The chosen contenders that run {@code workload}, in their declared order. */
    private List<Contender> contenders(Workload workload) {
        List<Contender> chosen = new ArrayList<>();
        for (Contender contender : Contender.values()) {
            if (contender.runs(workload) && contenderIds.contains(contender.id())) {
                chosen.add(contender);
            }
        }
        return chosen;
    }

    private void runLatency(
            String bootstrap, KafkaProbe probe, int rate, Duration duration, int runCount, Report report) {
        List<Contender> contenders = contenders(Workload.STATELESS);
        for (int run = 1; run <= runCount; run++) {
            for (int i = 0; i < contenders.size(); i++) {
                Contender contender = contenders.get((i + run - 1) % contenders.size());
                String appId = "latency-" + contender.id() + "-" + run;
                String input = appId + "-in";
                String output = appId + "-out";
                probe.createTopics(Set.of(input, output), PARTITIONS);
                ContenderSettings settings = new ContenderSettings(
                        bootstrap, appId, input, output, out.resolve("state").resolve(appId));
                ChildJvm child = ChildJvm.launch(
                        contender,
                        Workload.STATELESS,
                        settings,
                        out.resolve("logs").resolve(appId + ".log"));
                child.awaitStarted();
                // Warm-up: the contender has joined the group and committed once before the clock starts.
                probe.load(Workload.STATELESS, input, 100, 9);
                probe.awaitCommitted(appId, probe.endOffsets(input, PARTITIONS), Duration.ofMinutes(2));
                long[] latencies = measureLatency(bootstrap, input, output, rate, duration);
                child.stop();
                report.add(new Figure(
                        "latency",
                        Workload.STATELESS.id(),
                        contender.id(),
                        run,
                        Report.values(
                                "p50_ms",
                                LatencyProbe.percentile(latencies, 50),
                                "p99_ms",
                                LatencyProbe.percentile(latencies, 99),
                                "p999_ms",
                                LatencyProbe.percentile(latencies, 99.9),
                                "outputs",
                                latencies.length)));
            }
        }
    }

    private static long[] measureLatency(String bootstrap, String input, String output, int rate, Duration duration) {
        try {
            return LatencyProbe.measure(bootstrap, input, output, PARTITIONS, rate, duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String output(Workload workload, Contender contender) {
        return "bench-" + workload.id() + "-" + contender.id() + "-out";
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot delete the state of earlier runs in " + dir, e);
        }
    }
}
