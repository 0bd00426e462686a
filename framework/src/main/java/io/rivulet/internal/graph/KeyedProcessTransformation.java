package io.rivulet.internal.graph;

import io.rivulet.api.functions.KeyedProcessFunction;

public final class KeyedProcessTransformation extends Transformation {

    private final KeyByTransformation keyBy;
    private final KeyedProcessFunction<Object, Object, Object> function;

    public KeyedProcessTransformation(int id, KeyByTransformation input, KeyedProcessFunction<Object, Object, Object> function) {
        super(id, input, "process:" + function.getClass().getSimpleName());
        this.keyBy = input;
        this.function = function;
    }

    public KeyByTransformation keyBy() {
        return keyBy;
    }

    public KeyedProcessFunction<Object, Object, Object> function() {
        return function;
    }

    @Override
    public boolean stateful() {
        return true;
    }
}
