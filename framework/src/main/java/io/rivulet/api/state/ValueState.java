package io.rivulet.api.state;

/**
 * One value per key, scoped to the key of the element being processed. Writes are part of the element's
 * transaction: they become durable (in the local store and in the changelog) only when it commits.
 */
public interface ValueState<T> {

    /** The value for the current key, or the descriptor's default ({@code null} unless given) if none. */
    T value();

    /** Sets the value for the current key; {@code null} is the same as {@link #clear()}. */
    void update(T value);

    /** Removes the value of the current key only. */
    void clear();
}
