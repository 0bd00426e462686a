package io.rivulet.internal.runtime;

/** A timer of a keyed operator: when it fires, for which key, and in which namespace (a window, or none). */
record InternalTimer(long timestamp, byte[] key, byte[] namespace) {
}
