package io.rivulet.internal.graph;

public final class FunctionTransformation extends Transformation {

    private final RecordFunction function;

    public FunctionTransformation(int id, Transformation input, String kind, RecordFunction function) {
        super(id, input, kind);
        this.function = function;
    }

    public RecordFunction function() {
        return function;
    }
}
