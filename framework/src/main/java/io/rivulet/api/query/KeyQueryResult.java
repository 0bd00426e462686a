package io.rivulet.api.query;

/**
 * The answer to a query of one key's committed state.
 *
 * @param <V> what the state holds for a key
 */
public sealed interface KeyQueryResult<V> {

    /** The key's committed value, read on this instance. */
    record Found<V>(V value) implements KeyQueryResult<V> {}

    /**
     * The key's committed value as a standby or warm-up replica on this instance holds it (only from
     * {@link KeyedStateQueries#allowingStale()}).
     *
     * @param lag how many changelog records the replica was behind the task's latest commit when it last fetched
     */
    record FoundOnReplica<V>(V value, long lag) implements KeyQueryResult<V> {}

    /** This instance holds the key (or a replica of it), and it has no value. */
    record Absent<V>() implements KeyQueryResult<V> {}

    /** Another instance holds the key: ask it ({@code GET /rivulet/api/state/…} on its advertised URL). */
    record HeldElsewhere<V>(KeyLocation.Remote location) implements KeyQueryResult<V> {}

    /**
     * The key's task cannot answer now: it restores its state, it is moving to another instance, or the group is
     * rebalancing. Asking again shortly may succeed.
     */
    record Unavailable<V>(String reason) implements KeyQueryResult<V> {}
}
