package io.rivulet.internal.runtime.state;

import java.util.HashMap;
import java.util.Map;

/**
 * Late elements a task's operators sent to a late side output or dropped, by operator uid, counted as the
 * records that carried them commit: a record that fails, or a transaction that aborts, counts nothing.
 */
public final class LateRecords implements StagedEffects {

    private final Map<String, long[]> inRecord = new HashMap<>();
    private final Map<String, long[]> inTransaction = new HashMap<>();

    /** The operator {@code uid} found the element it processes late. */
    public void add(String uid) {
        inRecord.computeIfAbsent(uid, u -> new long[1])[0]++;
    }

    @Override
    public void commitRecord() {
        if (!inRecord.isEmpty()) {
            inRecord.forEach((uid, count) -> inTransaction.computeIfAbsent(uid, u -> new long[1])[0] += count[0]);
            inRecord.clear();
        }
    }

    @Override
    public void discardRecord() {
        inRecord.clear();
    }

    /** The transaction committed: what it counted, by operator uid, and nothing pending after. */
    public Map<String, Long> takeCommitted() {
        if (inTransaction.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> committed = new HashMap<>();
        inTransaction.forEach((uid, count) -> committed.put(uid, count[0]));
        inTransaction.clear();
        return committed;
    }

    /** The transaction aborted: its records are processed again, and counted then. */
    public void discardTransaction() {
        inRecord.clear();
        inTransaction.clear();
    }
}
