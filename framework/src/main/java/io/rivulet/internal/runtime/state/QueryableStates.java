package io.rivulet.internal.runtime.state;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.rivulet.api.state.StateDescriptor;

/**
 * The keyed states operators registered on this instance ({@code <uid>/<name>} → descriptor), which interactive
 * queries read with the descriptor's serdes and TTL. An operator registers its states when it opens on a task, so
 * an instance knows the states of the sub-topologies it runs. Thread-safe.
 */
public final class QueryableStates {

    /** For tasks whose states nobody queries (tests of single operators). */
    public static final QueryableStates NONE = new QueryableStates();

    private final Map<String, StateDescriptor> descriptors = new ConcurrentHashMap<>();
    private final Map<String, QueryableWindows> windows = new ConcurrentHashMap<>();

    public void register(String stateName, StateDescriptor descriptor) {
        descriptors.putIfAbsent(stateName, descriptor);
    }

    /** A window operator's contents, by its uid. */
    public void registerWindows(String uid, QueryableWindows contents) {
        windows.putIfAbsent(uid, contents);
    }

    public Optional<QueryableWindows> windows(String uid) {
        return Optional.ofNullable(windows.get(uid));
    }

    public Optional<StateDescriptor> descriptor(String stateName) {
        return Optional.ofNullable(descriptors.get(stateName));
    }

    /** The names of the states registered so far. */
    public Set<String> names() {
        return Set.copyOf(descriptors.keySet());
    }
}
