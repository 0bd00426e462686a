package io.rivulet.api.functions;

/** Which clock a timer follows. */
public enum TimeDomain {
    EVENT_TIME,
    PROCESSING_TIME
}
