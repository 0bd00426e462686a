package io.rivulet.state.savepoint;

/**
 * One entry of a state in a savepoint.
 *
 * @param partitionKey the serialized record key the entry belongs to, by which it is assigned to a task when the
 *     savepoint is restored onto any partition count; {@code null} for state that belongs to no key (operator
 *     state)
 * @param key the entry's key within its state
 * @param value the entry's value
 */
public record SavepointEntry(byte[] partitionKey, byte[] key, byte[] value) {}
