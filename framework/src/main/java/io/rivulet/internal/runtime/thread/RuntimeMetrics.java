package io.rivulet.internal.runtime.thread;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the runtime that health endpoints, metrics and tests read. */
public final class RuntimeMetrics {

    private final AtomicLong recordsRestored = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong abortedTransactions = new AtomicLong();

    public void recordsRestored(long count) {
        recordsRestored.addAndGet(count);
    }

    public void committed() {
        commits.incrementAndGet();
    }

    public void aborted() {
        abortedTransactions.incrementAndGet();
    }

    /** Changelog records applied to local stores since start. */
    public long recordsRestored() {
        return recordsRestored.get();
    }

    public long commits() {
        return commits.get();
    }

    public long abortedTransactions() {
        return abortedTransactions.get();
    }
}
