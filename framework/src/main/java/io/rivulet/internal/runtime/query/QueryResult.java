package io.rivulet.internal.runtime.query;

import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;

/** What an interactive query of one key comes to. */
public sealed interface QueryResult {

    /**
     * The key's committed value, here.
     *
     * @param replicaLag read from a standby or warm-up replica: how many changelog records it was behind the task's
     *     latest commit when it last fetched; empty when the task itself answered
     */
    record Found(JsonNode key, JsonNode value, OptionalLong replicaLag) implements QueryResult {}

    /** The key has no value, or the state does not exist: {@code message} says which. */
    record NotFound(String message) implements QueryResult {}

    /** The key is not a key of the state: it does not parse with the state's key serde. */
    record InvalidKey(String message) implements QueryResult {}

    /** An instance that may answer, at its advertised URL. */
    record Instance(String processId, String url) {}

    /**
     * Other instances hold the key's task or a replica of it: the query goes to the first that answers, the task's
     * owner first.
     */
    record Elsewhere(List<Instance> instances) implements QueryResult {}

    /**
     * The key's task cannot answer now: it restores its state, or the group is rebalancing and nobody is known to
     * hold it. Asking again after {@code retryAfterSeconds} may succeed.
     */
    record Unavailable(String message, int retryAfterSeconds) implements QueryResult {}
}
