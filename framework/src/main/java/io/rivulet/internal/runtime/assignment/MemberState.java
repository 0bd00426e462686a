package io.rivulet.internal.runtime.assignment;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import io.rivulet.internal.runtime.state.TaskId;

/**
 * One stream thread's side of the group protocol: the standby and warm-up replicas the latest assignment gave it,
 * those its task manager holds (which its next subscription reports), and whether a rebalance is under way. Used on
 * the stream thread only (the consumer runs its assignor there, inside {@code poll}).
 */
public final class MemberState {

    private Set<TaskId> standbys = Set.of();
    private Set<TaskId> warmups = Set.of();
    private Set<TaskId> held = Set.of();
    private long rebalanceStartedNanos;
    private boolean rebalancing;

    /** The member is joining the group again: its subscription is being sent. */
    void rebalanceStarted() {
        if (!rebalancing) {
            rebalanceStartedNanos = System.nanoTime();
        }
        rebalancing = true;
    }

    /**
     * From the member's new subscription until its partitions are assigned: meanwhile the group's generation moves on,
     * and a transaction that committed offsets under the old one would be refused and aborted — so the thread goes on
     * processing but commits only when a partition is revoked (Kafka Streams does the same).
     */
    public boolean rebalancing() {
        return rebalancing;
    }

    /** How long the rebalance has been under way; zero when none is. */
    public Duration rebalanceDuration() {
        return rebalancing ? Duration.ofNanos(System.nanoTime() - rebalanceStartedNanos) : Duration.ZERO;
    }

    /** The rebalance completed (partitions assigned) or this member lost its partitions. */
    public void rebalanceEnded() {
        rebalancing = false;
    }

    /** The assignment arrived: {@code warmups} are the standbys placed ahead of moving a task here. */
    void assigned(Set<TaskId> standbys, Set<TaskId> warmups) {
        this.standbys = Set.copyOf(standbys);
        this.warmups = Set.copyOf(warmups);
    }

    /** Every replica this thread is to keep, warm-ups included. */
    public Set<TaskId> replicas() {
        Set<TaskId> all = new TreeSet<>(standbys);
        all.addAll(warmups);
        return all;
    }

    public boolean warmup(TaskId task) {
        return warmups.contains(task);
    }

    /** The replicas the task manager opened. */
    public void held(Set<TaskId> replicas) {
        this.held = Set.copyOf(replicas);
    }

    Set<TaskId> held() {
        return held;
    }
}
