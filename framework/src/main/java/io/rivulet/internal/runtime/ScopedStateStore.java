package io.rivulet.internal.runtime;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import io.rivulet.api.state.KeyedStateStore;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;

/**
 * Hands out an operator's value states under one prefix ({@code <uid>/<name>} for keyed state,
 * {@code <uid>/window-state/<name>} per window), all scoped by the same supplier of the current scope.
 */
final class ScopedStateStore implements KeyedStateStore {

    private final TaskContext context;
    private final String uid;
    private final String prefix;
    private final Supplier<byte[]> scope;
    private final Set<String> names = new HashSet<>();

    ScopedStateStore(TaskContext context, String uid, String prefix, Supplier<byte[]> scope) {
        this.context = context;
        this.uid = uid;
        this.prefix = prefix;
        this.scope = scope;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        String name = prefix + descriptor.name();
        if (!names.add(name)) {
            throw new IllegalArgumentException("operator " + uid + " has two states named " + descriptor.name());
        }
        return handle(descriptor);
    }

    /** A handle without the check for duplicate names, for callers that ask again for the same state. */
    <T> ValueState<T> handle(ValueStateDescriptor<T> descriptor) {
        return new StoreValueState<>(context, ChangelogFormat.stateName(uid, prefix + descriptor.name()),
                descriptor.serde(), descriptor.defaultValue(), scope);
    }
}
