package io.rivulet.api.query;

import io.rivulet.api.windowing.windows.Window;

/**
 * One window of a key, as a window operator holds it before the window fires (or, with allowed lateness, until it
 * is purged).
 *
 * @param window the window
 * @param contents what the operator keeps for it: the reduced element of {@code reduce}, the result of the
 *     aggregate of {@code aggregate} ({@code getResult} of its accumulator), or the elements (with their
 *     timestamps, as {@code TimestampedValue}s) of a window with a process function or an evictor
 * @param <C> the type of the contents
 */
public record WindowedContents<C>(Window window, C contents) {}
