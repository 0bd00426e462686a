package io.rivulet.internal.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every node the API created, in creation order. */
public final class JobGraph {

    private final List<Transformation> nodes = new ArrayList<>();
    private int keyBys;

    public <T extends Transformation> T add(T node) {
        nodes.add(node);
        return node;
    }

    public int nextId() {
        return nodes.size();
    }

    public int nextKeyByOrdinal() {
        return keyBys++;
    }

    public List<Transformation> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** The nodes whose input is {@code node}. */
    public List<Transformation> downstreamOf(Transformation node) {
        return nodes.stream().filter(n -> n.inputs().contains(node)).toList();
    }
}
