package io.rivulet.api.state;

/**
 * State of the operator instance in one task, not of a key: for sources, sinks and custom operators that
 * keep, for example, what they buffered or how far they got. It is stored like keyed state (committed with
 * the input offsets, in the changelog) and moves with the task.
 */
public interface OperatorStateStore {

    /** A list of the task's operator instance; names are unique per operator. */
    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);
}
