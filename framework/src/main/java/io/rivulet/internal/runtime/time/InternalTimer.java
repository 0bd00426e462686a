package io.rivulet.internal.runtime.time;

/** A timer of a keyed operator: when it fires, for which key, and in which namespace (a window, or none). */
public record InternalTimer(long timestamp, byte[] key, byte[] namespace) {}
