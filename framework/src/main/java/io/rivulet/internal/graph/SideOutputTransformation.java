package io.rivulet.internal.graph;

import io.rivulet.api.functions.OutputTag;

/** The elements an operator emits to a side output, as a stream of their own. */
public final class SideOutputTransformation extends Transformation {

    private final OutputTag<?> tag;

    public SideOutputTransformation(int id, Transformation input, OutputTag<?> tag) {
        super(id, input, "sideOutput:" + tag.getId());
        this.tag = tag;
    }

    public OutputTag<?> tag() {
        return tag;
    }
}
