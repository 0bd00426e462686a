package io.rivulet.api.state;

/** One value per key that every {@link #add} folds into with the descriptor's reduce function. */
public interface ReducingState<T> {

    /** The reduced value of the current key, or null if nothing was added. */
    T get();

    void add(T value) throws Exception;

    void clear();
}
