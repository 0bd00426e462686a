package io.rivulet.internal.graph;

import java.util.List;

/**
 * A piece of the job between shuffles: it reads one topic (an input topic or a repartition topic) and runs
 * in one task per partition of it.
 *
 * @param root the node that reads {@code sourceTopic}: a source, or the keyBy whose repartition topic it is
 * @param nodes every node that runs in this sub-topology's tasks, the root first
 */
public record SubTopology(int id, String sourceTopic, Transformation root, List<Transformation> nodes) {

    /** The operators with keyed state, in graph order. */
    public List<Transformation> statefulNodes() {
        return nodes.stream().filter(Transformation::stateful).toList();
    }

    /** Whether {@code node} runs here as the reader of a repartition topic (rather than as its writer). */
    public boolean readsRepartition(Transformation node) {
        return node == root && node instanceof KeyByTransformation;
    }
}
