package io.rivulet.internal.runtime.state;

/**
 * Something the processing of one input record (or one round of timers) changes only tentatively: staged
 * state, staged output, in-memory timer copies. A record's effects are all or nothing.
 */
public interface StagedEffects {

    /** The record was processed: its staged effects join the open transaction. */
    void commitRecord();

    /** The record failed: its staged effects are dropped. */
    void discardRecord();
}
