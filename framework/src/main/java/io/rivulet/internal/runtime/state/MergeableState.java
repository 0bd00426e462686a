package io.rivulet.internal.runtime.state;

/**
 * A keyed state whose contents under several scopes fold into one, as Flink's {@code InternalMergingState}
 * merges namespaces when session windows merge. The caller points the state's scope at each source in turn
 * to {@link #take} its contents, then at the target to {@link #addMerged} what it combined.
 *
 * @param <C> the contents of one scope: a reduced value, an accumulator, a list of elements
 */
public interface MergeableState<C> {

    /** Removes the current scope's contents and returns them, or null if it has none. */
    C take();

    /** The contents of two scopes as one. */
    C combine(C first, C second) throws Exception;

    /** Folds {@code contents} into the current scope's, after what it holds already. */
    void addMerged(C contents) throws Exception;
}
