package io.rivulet.api.state;

/**
 * Hands out keyed state scoped to the key (and, for per-window state, the window) being processed. Each
 * handle serves every key: get it once (in {@code open}) and use it for every element and timer.
 *
 * @throws IllegalArgumentException (every method) if another state of this scope has the same name
 */
public interface KeyedStateStore {

    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
}
