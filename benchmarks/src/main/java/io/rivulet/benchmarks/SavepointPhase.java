package io.rivulet.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;

import io.rivulet.api.job.RunningJob;
import io.rivulet.api.job.SavepointInfo;
import io.rivulet.state.savepoint.SavepointManifest;
import io.rivulet.state.savepoint.SavepointReader;

/**
 * Taking and restoring a savepoint of large state ({@link Workload#LARGE_STATE}, about 1 GB for 1M records),
 * Rivulet only (Kafka Streams has no savepoints). Per run: build the state, take a savepoint with stop, then
 * start a new application from it and time the restore (the state written into the new changelogs) and until
 * it has caught up with a little new input (the tasks' changelog restore and processing, as a user sees it).
 * The job runs in the harness JVM through the public plain-Java API, which is where the savepoint is triggered.
 */
final class SavepointPhase {

    private static final Workload WORKLOAD = Workload.LARGE_STATE;
    private static final Duration LONG = Duration.ofMinutes(30);

    private final String bootstrap;
    private final KafkaProbe probe;
    private final Path out;
    private final int partitions;
    private final Report report;

    SavepointPhase(String bootstrap, KafkaProbe probe, Path out, int partitions, Report report) {
        this.bootstrap = bootstrap;
        this.probe = probe;
        this.out = out;
        this.partitions = partitions;
        this.report = report;
    }

    void run(int records, int runCount) throws InterruptedException {
        String input = WORKLOAD.inputTopic().replace("-in", "-savepoint-in");
        String output = "bench-" + WORKLOAD.id() + "-savepoint-out";
        probe.createTopics(Set.of(input, output), partitions);
        probe.load(WORKLOAD, input, records, 1);
        for (int run = 1; run <= runCount; run++) {
            String appId = "bench-savepoint-" + run;
            RunningJob built = start(appId, input, output, Map.of());
            probe.awaitCommitted(appId, probe.endOffsets(input, partitions), LONG);

            long takeStarted = System.nanoTime();
            String id = built.triggerSavepoint(out.resolve("savepoints").resolve(appId), true);
            SavepointInfo savepoint = built.awaitSavepoint(id, LONG);
            double take = (System.nanoTime() - takeStarted) / 1e9;
            built.close();
            if (savepoint.status() != SavepointInfo.Status.COMPLETED) {
                throw new IllegalStateException(
                        "savepoint " + id + " failed: " + savepoint.failure().orElse("?"));
            }
            Path location = Path.of(savepoint.location().orElseThrow());
            double mib = bytes(location) / 1024.0 / 1024.0;
            long entries = entries(location);

            probe.load(WORKLOAD, input, 1_000, run + 100);
            Map<TopicPartition, Long> ends = probe.endOffsets(input, partitions);
            String restoredId = appId + "-restored";
            long restoreStarted = System.nanoTime();
            RunningJob restored =
                    start(restoredId, input, output, Map.of("rivulet.savepoint.restore-from", location.toString()));
            double restore = (System.nanoTime() - restoreStarted) / 1e9;
            long caughtUp = probe.awaitCommitted(restoredId, ends, LONG);
            double catchUp = (caughtUp - restoreStarted) / 1e9;
            restored.close();
            report.add(new Figure(
                    "savepoint",
                    WORKLOAD.id(),
                    "rivulet",
                    run,
                    Report.values(
                            "savepoint_mib", mib,
                            "entries", entries,
                            "take_s", take,
                            "take_mib_per_s", mib / take,
                            "restore_s", restore,
                            "restore_mib_per_s", mib / restore,
                            "caught_up_s", catchUp)));
        }
    }

    private RunningJob start(String appId, String input, String output, Map<String, String> extra) {
        ContenderSettings settings = new ContenderSettings(
                bootstrap, appId, input, output, out.resolve("state").resolve(appId));
        return new RivuletContender(WORKLOAD, settings).startJob(extra);
    }

    private static long entries(Path location) {
        return SavepointReader.open(location).manifest().states().stream()
                .mapToLong(SavepointManifest.State::entries)
                .sum();
    }

    private static long bytes(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
