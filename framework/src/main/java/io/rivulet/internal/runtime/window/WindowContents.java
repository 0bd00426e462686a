package io.rivulet.internal.runtime.window;

import java.util.List;

/**
 * What a window operator keeps per (key, window) namespace: a reduced value, an accumulator, or the
 * elements themselves. Contents live in the task's state under the operator's uid, so they commit, reach the
 * changelog and restore like any keyed state.
 */
public interface WindowContents {

    void add(byte[] namespace, Object element, long timestamp) throws Exception;

    /** The contents, or null for an empty window. */
    Object get(byte[] namespace);

    void put(byte[] namespace, Object contents);

    void clear(byte[] namespace);

    /** Combines the contents of two namespaces, for merging windows. */
    Object combine(Object left, Object right) throws Exception;

    /** Moves the contents of {@code sources} into {@code target}, combining them. */
    default void merge(byte[] target, List<byte[]> sources) throws Exception {
        Object merged = get(target);
        for (byte[] source : sources) {
            Object contents = get(source);
            if (contents != null) {
                merged = merged == null ? contents : combine(merged, contents);
                clear(source);
            }
        }
        if (merged != null) {
            put(target, merged);
        }
    }
}
