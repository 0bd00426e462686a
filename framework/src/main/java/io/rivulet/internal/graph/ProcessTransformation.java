package io.rivulet.internal.graph;

import io.rivulet.api.functions.ProcessFunction;

/**
 * A process function on a stream that is not keyed. It is stateful (operator or broadcast state, a changelog)
 * when given a uid, and must be when it needs state (a broadcast-connected function).
 */
public final class ProcessTransformation extends Transformation {

    private final ProcessFunction<Object, Object> function;
    private final boolean needsState;

    public ProcessTransformation(int id, Transformation input, ProcessFunction<Object, Object> function) {
        this(id, input, function, false);
    }

    public ProcessTransformation(int id, Transformation input, ProcessFunction<Object, Object> function, boolean needsState) {
        super(id, input, "process:" + function.getClass().getSimpleName());
        this.function = function;
        this.needsState = needsState;
    }

    @Override
    public boolean stateful() {
        return needsState || uid().isPresent();
    }

    public ProcessFunction<Object, Object> function() {
        return function;
    }
}
