package io.rivulet.internal.runtime.query;

/**
 * How an interactive query over HTTP may be answered.
 *
 * @param forwarded another instance sent the query here: it is answered here or not at all, so that two instances
 *     with different views of the assignment cannot pass it back and forth
 * @param allowStale the caller accepts an answer from a standby or warm-up replica ({@code ?allow-stale=true}),
 *     which may be behind the task's latest commit by the lag the answer reports
 */
public record QueryOptions(boolean forwarded, boolean allowStale) {

    /** A caller's own query of the task's latest committed state. */
    public static final QueryOptions LATEST = new QueryOptions(false, false);
}
