package io.rivulet.internal.operators;

import io.rivulet.api.state.MapState;
import io.rivulet.api.state.MapStateDescriptor;

/**
 * What the runtime offers the framework's own operators (joins, broadcast adapters) beyond the
 * {@code RuntimeContext} a user's function gets. The runtime hands it to functions that implement
 * {@link UsesOperatorServices} before it opens them.
 */
public interface OperatorServices {

    /** A keyed map state with range reads by map key, scoped to the current key; the key serde must preserve order. */
    <K, V> SortedMapState<K, V> getSortedMapState(MapStateDescriptor<K, V> descriptor);

    /** A map state of the whole task rather than of a key: what broadcast state is stored in. */
    <K, V> MapState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);

    /**
     * Emits {@code value} downstream stamped with {@code timestamp} instead of the current element's (an
     * interval join stamps the larger timestamp of the pair).
     */
    void collectWithTimestamp(Object value, long timestamp);

    /** The element being processed is late: sent to a late output or dropped; counted in the job's metrics. */
    void lateRecord();
}
