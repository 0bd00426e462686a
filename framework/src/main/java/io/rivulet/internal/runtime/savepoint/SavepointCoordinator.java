package io.rivulet.internal.runtime.savepoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.internal.graph.Topology;
import io.rivulet.internal.runtime.savepoint.ControlRecords.MemberReport;
import io.rivulet.internal.runtime.savepoint.ControlRecords.Phase;
import io.rivulet.internal.runtime.savepoint.ControlRecords.SavepointStatus;
import io.rivulet.internal.runtime.savepoint.ControlRecords.Status;
import io.rivulet.state.savepoint.SavepointManifest;

/**
 * Takes savepoints for the instance that was asked to, on behalf of the whole group. It asks every member (over
 * the control topic) to drain: stop reading input topics and process what is in flight until it is quiet. Then it
 * asks them to freeze, and checks that the group really stood still: every input partition is owned and paused,
 * and no repartition partition grew after its owner had read it to the end. If not, it drains again (a new
 * round). Once the group stands still, state, offsets and watermarks are all in Kafka, committed: it writes the
 * savepoint from the changelogs and the group's offsets, alone, and publishes where it is.
 */
public final class SavepointCoordinator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SavepointCoordinator.class);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(50);

    private final SavepointControl control;
    private final Admin admin;
    private final Topology topology;
    private final Map<String, Integer> partitions;
    private final Map<String, Object> kafka;
    private final Path scratchDir;
    private final Duration timeout;
    private final ExecutorService executor;

    public SavepointCoordinator(
            SavepointControl control,
            Admin admin,
            Topology topology,
            Map<String, Integer> partitions,
            Map<String, Object> kafka,
            Path scratchDir,
            Duration timeout) {
        this.control = control;
        this.admin = admin;
        this.topology = topology;
        this.partitions = Map.copyOf(partitions);
        this.kafka = Map.copyOf(kafka);
        this.scratchDir = scratchDir;
        this.timeout = timeout;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, topology.applicationId() + "-savepoint-coordinator");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts a savepoint into a new directory under {@code targetDirectory} and returns its id at once.
     *
     * @throws IllegalStateException if a savepoint is in progress or the job stopped at one
     */
    public synchronized String trigger(Path targetDirectory, boolean stop) {
        Directive directive = control.directive();
        if (directive.kind() != Directive.Kind.RUN) {
            throw new IllegalStateException(
                    directive.kind() == Directive.Kind.STOPPED
                            ? "the job stopped at savepoint " + directive.savepointId()
                            : "savepoint " + directive.savepointId() + " is in progress");
        }
        String id = "savepoint-" + UUID.randomUUID().toString().substring(0, 8);
        SavepointStatus requested = new SavepointStatus(
                id,
                Status.IN_PROGRESS,
                Phase.DRAIN,
                0,
                targetDirectory.toAbsolutePath().toString(),
                stop,
                null,
                null,
                System.currentTimeMillis());
        control.publish(requested);
        String active = control.active().map(SavepointStatus::id).orElse(id);
        if (!active.equals(id)) {
            // Another instance asked first, at the same moment: the group works on that one.
            control.publish(requested.failed("savepoint " + active + " was requested first and is in progress"));
            throw new IllegalStateException("savepoint " + active + " is in progress");
        }
        executor.submit(() -> take(requested));
        return id;
    }

    private void take(SavepointStatus requested) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        SavepointStatus status = requested;
        try {
            while (true) {
                awaitReports(status, Phase.DRAIN, deadline);
                status = status.next(Phase.FREEZE, status.round());
                control.publish(status);
                Map<String, MemberReport> frozen = awaitReports(status, Phase.FREEZE, deadline);
                if (standsStill(frozen)) {
                    break;
                }
                status = status.next(Phase.DRAIN, status.round() + 1);
                LOG.info(
                        "Savepoint {}: records were still in flight; draining again (round {})",
                        status.id(),
                        status.round());
                control.publish(status);
            }
            Path location = Path.of(status.targetDirectory()).resolve(status.id());
            SavepointManifest manifest = new ChangelogExport(
                            topology, partitions, kafka, scratchDir.resolve(status.id()), control.schemas())
                    .write(location, status.id(), committedOffsets());
            SavepointStatus completed = status.completed(location.toString());
            status = completed;
            control.publish(completed);
            control.forgetReports(status.id());
            LOG.info(
                    "Savepoint {} completed in {} ms at {}: {} tasks, {} states, {} entries{}",
                    status.id(),
                    (System.nanoTime() - started) / 1_000_000,
                    location,
                    manifest.tasks().size(),
                    manifest.states().size(),
                    manifest.states().stream()
                            .mapToLong(SavepointManifest.State::entries)
                            .sum(),
                    status.stop() ? "; the job stays stopped" : "");
        } catch (Exception e) {
            if (status.status() == Status.COMPLETED) {
                LOG.warn(
                        "Savepoint {} completed; waiting to read back its status was cut short: {}",
                        status.id(),
                        e.toString());
                return;
            }
            LOG.error("Savepoint {} failed", status.id(), e);
            try {
                control.publish(status.failed(e.getMessage() == null ? e.toString() : e.getMessage()));
                control.forgetReports(status.id());
            } catch (RuntimeException publishing) {
                LOG.error("Cannot publish that savepoint {} failed", status.id(), publishing);
            }
        }
    }

    /** Waits until every current member of the group reported the phase of this round. */
    private Map<String, MemberReport> awaitReports(SavepointStatus status, Phase phase, long deadline)
            throws Exception {
        AtomicReference<Map<String, MemberReport>> reports = new AtomicReference<>(Map.of());
        await(
                () -> {
                    Set<String> members = members();
                    reports.set(control.reports(status.id(), status.round(), phase));
                    return !members.isEmpty() && reports.get().keySet().containsAll(members);
                },
                deadline,
                "every member of the group to " + phase.toString().toLowerCase() + " (round " + status.round() + ")");
        return reports.get();
    }

    /**
     * Every member was quiet when it froze, every input partition is owned by one of them, and every repartition
     * partition still ends where its owner had read it up to: nothing is in flight.
     */
    private boolean standsStill(Map<String, MemberReport> frozen) throws Exception {
        Set<String> inputs = new HashSet<>();
        Map<TopicPartition, Long> reportedEnds = new HashMap<>();
        for (MemberReport report : frozen.values()) {
            if (!report.quiet()) {
                return false;
            }
            inputs.addAll(report.inputPartitions());
            report.repartitionEnds().forEach((partition, end) -> reportedEnds.put(parse(partition), end));
        }
        for (String topic : topology.externalSourceTopics()) {
            for (int p = 0; p < partitions.get(topic); p++) {
                if (!inputs.contains(new TopicPartition(topic, p).toString())) {
                    return false;
                }
            }
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : Set.copyOf(topology.repartitionTopics().values())) {
            for (int p = 0; p < partitions.get(topic); p++) {
                TopicPartition partition = new TopicPartition(topic, p);
                if (!reportedEnds.containsKey(partition)) {
                    return false;
                }
                latest.put(partition, OffsetSpec.latest());
            }
        }
        if (latest.isEmpty()) {
            return true;
        }
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get(30, TimeUnit.SECONDS);
        return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == reportedEnds.get(e.getKey()));
    }

    private Set<String> members() throws Exception {
        try {
            return admin
                    .describeConsumerGroups(List.of(topology.applicationId()))
                    .describedGroups()
                    .get(topology.applicationId())
                    .get(30, TimeUnit.SECONDS)
                    .members()
                    .stream()
                    .map(MemberDescription::consumerId)
                    .collect(Collectors.toSet());
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot describe the group " + topology.applicationId() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws Exception {
        return admin.listConsumerGroupOffsets(
                        topology.applicationId(), new ListConsumerGroupOffsetsOptions().requireStable(true))
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check condition, long deadline, String what) throws Exception {
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IllegalStateException e) {
                LOG.debug("Waiting for {}: {}", what, e.getMessage());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(CHECK_INTERVAL.toMillis());
        }
    }

    private static TopicPartition parse(String partition) {
        int dash = partition.lastIndexOf('-');
        return new TopicPartition(partition.substring(0, dash), Integer.parseInt(partition.substring(dash + 1)));
    }

    /** Lets a savepoint that is finishing finish (a few seconds at most), then stops one still waiting. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
