package io.rivulet.sink.internal;

import java.time.Duration;

/** Exponential backoff with a deadline, for retriable producer errors. */
final class Backoff {

    private final long deadlineNanos;
    private long nextMillis = 50;

    Backoff(Duration timeout) {
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    /** Waits before the next attempt; returns false when the deadline has passed instead. */
    boolean pause() {
        if (System.nanoTime() - deadlineNanos > 0) {
            return false;
        }
        try {
            Thread.sleep(nextMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        nextMillis = Math.min(nextMillis * 2, 2_000);
        return true;
    }
}
