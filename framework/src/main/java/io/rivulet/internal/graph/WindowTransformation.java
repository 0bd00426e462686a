package io.rivulet.internal.graph;

/** A window operator on a keyed stream. */
public final class WindowTransformation extends Transformation {

    private final KeyByTransformation keyBy;
    private final WindowSpec spec;

    public WindowTransformation(int id, KeyByTransformation keyBy, WindowSpec spec) {
        super(id, keyBy, "window:" + spec.assigner());
        this.keyBy = keyBy;
        this.spec = spec;
    }

    public KeyByTransformation keyBy() {
        return keyBy;
    }

    public WindowSpec spec() {
        return spec;
    }

    @Override
    public boolean stateful() {
        return true;
    }
}
