package io.rivulet.api.functions;

/**
 * Extracts the key of an element. It must be deterministic: the same element always gives an equal key,
 * whose serialized bytes decide the partition and address the keyed state.
 */
@FunctionalInterface
public interface KeySelector<T, K> {
    K getKey(T value) throws Exception;
}
