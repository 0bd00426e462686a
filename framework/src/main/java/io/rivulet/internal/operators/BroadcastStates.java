package io.rivulet.internal.operators;

import io.rivulet.api.state.MapState;
import io.rivulet.api.state.MapStateDescriptor;

/** Implemented by the runtime context of keyed operators: state of the whole task, not of a key. */
public interface BroadcastStates {

    <K, V> MapState<K, V> broadcastState(MapStateDescriptor<K, V> descriptor);
}
