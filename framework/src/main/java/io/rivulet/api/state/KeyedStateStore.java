package io.rivulet.api.state;

/** Hands out keyed state scoped to the key (and, for per-window state, the window) being processed. */
public interface KeyedStateStore {

    /**
     * The value state named by the descriptor.
     *
     * @throws IllegalArgumentException if another state of this scope has the same name
     */
    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);
}
