package io.rivulet.api.windowing.windows;

/**
 * A finite (or, for {@link GlobalWindow}, endless) group of elements of one key. Elements are assigned to
 * windows by a {@code WindowAssigner}; a window's result is stamped with {@link #maxTimestamp()}.
 */
public abstract class Window {

    /** The largest timestamp that still belongs to this window. */
    public abstract long maxTimestamp();
}
