package io.rivulet.internal.runtime.state;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.AggregatingStateDescriptor;
import io.rivulet.api.state.KeyedStateStore;
import io.rivulet.api.state.ListStateDescriptor;
import io.rivulet.api.state.MapState;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ReducingStateDescriptor;
import io.rivulet.api.state.StateDescriptor;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.internal.operators.SortedMapState;
import io.rivulet.internal.state.StateKeys;
import io.rivulet.internal.state.StateNames;

/**
 * Hands out an operator's keyed states under one prefix ({@code <uid>/<name>} for keyed state,
 * {@code <uid>/window-state/<name>} per window, {@code <uid>/trigger/<name>} for triggers), all scoped by the
 * same supplier of the current scope. With {@code uniqueNames} (state registered once, in {@code open}) a
 * name asked for twice is an error; without (handles asked for on every call) it is the same state.
 */
public final class ScopedStateStore implements KeyedStateStore {

    private final TaskServices services;
    private final String uid;
    private final String prefix;
    private final Supplier<byte[]> scope;
    private final boolean uniqueNames;
    private final boolean keyed;
    private final Set<String> names = new HashSet<>();

    public ScopedStateStore(
            TaskServices services, String uid, String prefix, Supplier<byte[]> scope, boolean uniqueNames) {
        this.services = services;
        this.uid = uid;
        this.prefix = prefix;
        this.scope = scope;
        this.uniqueNames = uniqueNames;
        this.keyed = !StateNames.WHOLE_TASK_PREFIXES.contains(prefix);
    }

    /**
     * The access to a list's or map's entries: their keys extend the scope, so the scope is delimited lest the
     * entries of key {@code a1} read as entries of key {@code a}.
     */
    private StateAccess collectionAccess(StateDescriptor descriptor) {
        return access(descriptor, () -> StateKeys.collectionScope(scope.get(), keyed));
    }

    private StateAccess access(StateDescriptor descriptor) {
        return access(descriptor, scope);
    }

    /** The access to the state's entries; the first one of a state with background TTL cleanup is swept. */
    private StateAccess access(StateDescriptor descriptor, Supplier<byte[]> entryScope) {
        if (keyed && StateNames.WHOLE_TASK_PREFIXES.stream().anyMatch(descriptor.name()::startsWith)) {
            throw new IllegalArgumentException("operator " + uid + ": a keyed state cannot be named "
                    + descriptor.name() + ", the prefixes " + StateNames.WHOLE_TASK_PREFIXES
                    + " are kept for operator and broadcast state");
        }
        boolean first = names.add(descriptor.name());
        if (!first && uniqueNames) {
            throw new IllegalArgumentException("operator " + uid + " has two states named " + descriptor.name());
        }
        String stateName = StateNames.of(uid, prefix + descriptor.name());
        if (first) {
            services.schemas().check(stateName, valueSerde(descriptor));
            if (keyed && prefix.isEmpty()) {
                services.queryable().register(stateName, descriptor);
            }
        }
        StateAccess access = new StateAccess(services, stateName, entryScope, descriptor.ttl());
        if (first && descriptor.ttl() != null && descriptor.ttl().cleanupInterval() != null) {
            services.sweeper().add(access);
        }
        return access;
    }

    /** A companion state of {@code descriptor}'s (a list's sequence numbers): no TTL of its own. */
    private StateAccess companion(StateDescriptor descriptor, String suffix) {
        return new StateAccess(services, StateNames.of(uid, prefix + descriptor.name() + suffix), scope, null);
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return new StoreValueState<>(access(descriptor), descriptor.serde(), descriptor.defaultValue());
    }

    @Override
    public <T> StoreListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return new StoreListState<>(
                collectionAccess(descriptor),
                companion(descriptor, StateKeys.LIST_SEQUENCE_SUFFIX),
                descriptor.elementSerde());
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        return getSortedMapState(descriptor);
    }

    /** A map state with range reads by map key; the key serde must preserve order. */
    public <K, V> SortedMapState<K, V> getSortedMapState(MapStateDescriptor<K, V> descriptor) {
        return new StoreMapState<>(collectionAccess(descriptor), descriptor.keySerde(), descriptor.valueSerde());
    }

    @Override
    public <T> StoreReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return new StoreReducingState<>(access(descriptor), descriptor.reduceFunction(), descriptor.serde());
    }

    /**
     * The value state of {@code descriptor} read as a reducing state with {@code reduce}: a scope without a
     * value reads null, not the descriptor's default.
     */
    public <T> StoreReducingState<T> getReducingState(ValueStateDescriptor<T> descriptor, ReduceFunction<T> reduce) {
        return new StoreReducingState<>(access(descriptor), reduce, descriptor.serde());
    }

    @Override
    public <IN, ACC, OUT> StoreAggregatingState<IN, ACC, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return new StoreAggregatingState<>(
                access(descriptor), descriptor.aggregateFunction(), descriptor.accumulatorSerde());
    }

    /** The serde of what a state stores as its values, which restored values are read with. */
    private static Serde<?> valueSerde(StateDescriptor descriptor) {
        if (descriptor instanceof ValueStateDescriptor<?> value) {
            return value.serde();
        }
        if (descriptor instanceof ListStateDescriptor<?> list) {
            return list.elementSerde();
        }
        if (descriptor instanceof MapStateDescriptor<?, ?> map) {
            return map.valueSerde();
        }
        if (descriptor instanceof ReducingStateDescriptor<?> reducing) {
            return reducing.serde();
        }
        if (descriptor instanceof AggregatingStateDescriptor<?, ?, ?> aggregating) {
            return aggregating.accumulatorSerde();
        }
        return null;
    }
}
