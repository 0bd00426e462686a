package io.rivulet.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a condition until it holds or a deadline passes; tests never sleep blindly. */
public final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {}

    /**
     * Returns as soon as {@code condition} returns {@code true}.
     *
     * @param what a description of the awaited state, used in the failure message
     * @throws AssertionError if the deadline passes first; the message names {@code what} and the last
     *         exception the condition threw, if any
     */
    public static void until(Duration timeout, String what, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
                lastFailure = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastFailure = e;
            }
            if (System.nanoTime() - deadline > 0) {
                AssertionError error = new AssertionError("not reached within " + timeout + ": " + what);
                if (lastFailure != null) {
                    error.initCause(lastFailure);
                }
                throw error;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /**
     * Checks that {@code condition} keeps holding for {@code period}, polling it; for what must not happen
     * (a window that must not fire yet). Fails at the first poll where it does not hold.
     *
     * @throws AssertionError naming {@code what} if the condition fails or throws
     */
    public static void holdsFor(Duration period, String what, Callable<Boolean> condition) {
        long end = System.nanoTime() + period.toNanos();
        do {
            try {
                if (!Boolean.TRUE.equals(condition.call())) {
                    throw new AssertionError("stopped holding: " + what);
                }
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while checking " + what, e);
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("could not check " + what, e);
            }
        } while (System.nanoTime() - end < 0);
    }
}
