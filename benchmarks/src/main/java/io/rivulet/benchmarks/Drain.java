package io.rivulet.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * One throughput run: a contender in a fresh JVM drains its input's backlog. The clock starts before the
 * contender creates its first client and stops when the group's committed offsets cover the whole input and
 * its repartition topics.
 */
record Drain(ChildJvm child, Figure throughput) {

    /** Runs the contender until it has committed its whole input; returns it still running, with its figure. */
    static Drain run(
            KafkaProbe probe,
            Contender contender,
            Workload workload,
            ContenderSettings settings,
            int partitions,
            Path logs,
            int run) {
        Map<TopicPartition, Long> ends = probe.endOffsets(settings.input(), partitions);
        long records = ends.values().stream().mapToLong(Long::longValue).sum();
        ChildJvm child =
                ChildJvm.launch(contender, workload, settings, logs.resolve(settings.applicationId() + ".log"));
        long started = child.awaitStarted();
        long drained = probe.awaitCommitted(settings.applicationId(), ends, Duration.ofMinutes(30));
        double seconds = (drained - started) / 1e9;
        return new Drain(
                child,
                new Figure(
                        "throughput",
                        workload.id(),
                        contender.id(),
                        run,
                        Report.values(
                                "records",
                                records,
                                "seconds",
                                seconds,
                                "records_per_s",
                                records / seconds,
                                "cpu_s_per_million",
                                child.cpuSeconds() / records * 1_000_000,
                                "peak_rss_mib",
                                child.peakRssMib(),
                                "changelog_records",
                                probe.recordsIn(settings.applicationId(), "-changelog"))));
    }
}
