package io.rivulet.internal.runtime.thread;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.rivulet.internal.runtime.changelog.ChangelogReader;

/**
 * What one task of this instance looks like from outside, as of its stream thread's last periodic emission: what
 * {@code GET /rivulet/api/tasks} shows.
 *
 * @param id the task's id ({@code <sub-topology>_<partition>})
 * @param thread the stream thread that runs it
 * @param state {@code RESTORING} until its state caught up with its changelogs, then {@code RUNNING}; {@code STANDBY}
 *     or {@code WARMUP} for a replica of a task another instance runs
 * @param input the partition it consumes ({@code topic-partition}); for a replica, the partition its task consumes
 * @param changelogs the changelog partitions of its state; empty for a stateless task
 * @param watermark its event-time watermark, epoch milliseconds; empty until its inputs report one
 * @param lag records of its input partition not yet consumed; for a replica, changelog records not yet applied; empty
 *     until the consumer knows the partition's end
 * @param restore how far its restore got, while it restores
 * @param recordsConsumed input records its committed transactions covered since it was assigned here
 * @param recordsPerSecond the rate of {@code recordsConsumed} over about the last second
 * @param stateSizeBytes RocksDB's estimate of its local state; empty for a stateless task
 */
public record TaskStatus(
        String id,
        String thread,
        String state,
        String input,
        List<String> changelogs,
        OptionalLong watermark,
        OptionalLong lag,
        Optional<ChangelogReader.Progress> restore,
        long recordsConsumed,
        double recordsPerSecond,
        OptionalLong stateSizeBytes) {}
