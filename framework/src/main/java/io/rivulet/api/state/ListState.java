package io.rivulet.api.state;

import java.util.List;

/**
 * A list per key. Each element is stored as its own entry, so {@link #add} writes one element, never the
 * whole list. Elements come back in the order they were added.
 */
public interface ListState<T> {

    /** The elements of the current key; empty if none. */
    Iterable<T> get();

    void add(T value);

    void addAll(List<T> values);

    /** Replaces the elements of the current key. */
    void update(List<T> values);

    /** Removes the elements of the current key only. */
    void clear();
}
