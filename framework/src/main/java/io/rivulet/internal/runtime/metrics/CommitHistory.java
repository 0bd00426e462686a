package io.rivulet.internal.runtime.metrics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last commits of this instance's stream threads, newest first, for the web UI. */
public final class CommitHistory {

    /**
     * One completed commit.
     *
     * @param thread the stream thread that committed
     * @param committedAt when the commit completed, epoch milliseconds
     * @param durationNanos how long committing took
     * @param records input records the commit covered
     * @param tasks the tasks that had something to commit
     */
    public record Commit(String thread, long committedAt, long durationNanos, long records, int tasks) {}

    private final int capacity;
    private final Deque<Commit> commits = new ArrayDeque<>();

    public CommitHistory(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(Commit commit) {
        commits.addFirst(commit);
        if (commits.size() > capacity) {
            commits.removeLast();
        }
    }

    public synchronized List<Commit> recent() {
        return new ArrayList<>(commits);
    }
}
