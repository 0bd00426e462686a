package io.rivulet.internal.runtime.assignment;

import java.time.Duration;

/**
 * How the group places state (Kafka Streams' KIP-441 settings, under Rivulet's keys).
 *
 * @param numStandbyReplicas {@code rivulet.num-standby-replicas}: copies of every stateful task kept on other
 *     instances, tailing its changelogs
 * @param acceptableRecoveryLag {@code rivulet.acceptable-recovery-lag}: an instance whose copy of a task is at most
 *     this many changelog records behind counts as caught up, and the task may move there at once
 * @param maxWarmupReplicas {@code rivulet.max-warmup-replicas}: how many tasks may be warming up at once on
 *     instances they are to move to, while they keep running where they are
 * @param probingRebalanceInterval {@code rivulet.probing-rebalance-interval}: while warm-ups run, how often the
 *     group rebalances to check them even if none reported that it caught up
 */
public record AssignmentSettings(
        int numStandbyReplicas, long acceptableRecoveryLag, int maxWarmupReplicas, Duration probingRebalanceInterval) {

    /** Kafka Streams' defaults: no standby, 10,000 records, 2 warm-ups, 10 minutes. */
    public static final AssignmentSettings DEFAULTS = new AssignmentSettings(0, 10_000, 2, Duration.ofMinutes(10));

    public AssignmentSettings {
        if (numStandbyReplicas < 0 || acceptableRecoveryLag < 0 || maxWarmupReplicas < 0) {
            throw new IllegalArgumentException(
                    "standby replicas, recovery lag and warm-up replicas cannot be negative");
        }
    }
}
