package io.rivulet.internal.graph;

import io.rivulet.api.functions.ProcessFunction;

/** A process function on a stream that is not keyed. */
public final class ProcessTransformation extends Transformation {

    private final ProcessFunction<Object, Object> function;

    public ProcessTransformation(int id, Transformation input, ProcessFunction<Object, Object> function) {
        super(id, input, "process:" + function.getClass().getSimpleName());
        this.function = function;
    }

    public ProcessFunction<Object, Object> function() {
        return function;
    }
}
