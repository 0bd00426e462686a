package io.rivulet.internal.graph;

import java.util.List;

/**
 * The elements of several streams of one type, merged. A union has no runtime operator of its own: what
 * follows it runs in every sub-topology that feeds it (a keyBy after it writes one repartition topic from
 * all of them).
 */
public final class UnionTransformation extends Transformation {

    private final List<Transformation> inputs;

    public UnionTransformation(int id, List<Transformation> inputs) {
        super(id, null, "union");
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public List<Transformation> inputs() {
        return inputs;
    }
}
