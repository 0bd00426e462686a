package io.rivulet.internal.operators;

/**
 * Implemented by the runtime's process-function contexts: lets an internal operator stamp what it emits with
 * another timestamp than the current element's (an interval join stamps the larger of the pair's).
 */
public interface OutputTimestamp {

    void setOutputTimestamp(long timestamp);
}
