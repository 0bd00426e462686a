package io.rivulet.internal.runtime.query;

import com.fasterxml.jackson.databind.JsonNode;

/** What an interactive query of one key comes to. */
public sealed interface QueryResult {

    /** The key's committed value, here. */
    record Found(JsonNode key, JsonNode value) implements QueryResult {}

    /** The key has no value, or the state does not exist: {@code message} says which. */
    record NotFound(String message) implements QueryResult {}

    /** The key is not a key of the state: it does not parse with the state's key serde. */
    record InvalidKey(String message) implements QueryResult {}

    /** Another instance holds the key's task: the query goes there. */
    record Elsewhere(String url, String processId) implements QueryResult {}

    /**
     * The key's task cannot answer now: it restores its state, or the group is rebalancing and nobody is known to
     * hold it. Asking again after {@code retryAfterSeconds} may succeed.
     */
    record Unavailable(String message, int retryAfterSeconds) implements QueryResult {}
}
