package io.rivulet.internal.graph;

import java.util.Set;

import io.rivulet.api.functions.BroadcastProcessFunction;
import io.rivulet.api.functions.CoProcessFunction;
import io.rivulet.api.functions.ProcessFunction;
import io.rivulet.internal.operators.BroadcastProcessAdapter;
import io.rivulet.internal.operators.CoProcessAdapter;

/**
 * A process function on a stream that is not keyed. It is stateful (operator or broadcast state, a changelog)
 * when given a uid, and must be when it needs state (a broadcast-connected function).
 */
public final class ProcessTransformation extends Transformation {

    private final ProcessFunction<Object, Object> function;
    private final boolean needsState;

    @SuppressWarnings("unchecked")
    private ProcessTransformation(
            int id, Transformation input, Object userFunction, ProcessFunction<?, ?> function, boolean needsState) {
        super(id, input, "process:" + describe(userFunction));
        this.function = (ProcessFunction<Object, Object>) function;
        this.needsState = needsState;
    }

    public static ProcessTransformation process(int id, Transformation input, ProcessFunction<?, ?> function) {
        return new ProcessTransformation(id, input, function, function, false);
    }

    @SuppressWarnings("unchecked")
    public static ProcessTransformation coProcess(int id, Transformation input, CoProcessFunction<?, ?, ?> function) {
        return new ProcessTransformation(
                id, input, function, new CoProcessAdapter((CoProcessFunction<Object, Object, Object>) function), false);
    }

    @SuppressWarnings("unchecked")
    public static ProcessTransformation broadcastProcess(
            int id, Transformation input, BroadcastProcessFunction<?, ?, ?> function, Set<String> broadcastStates) {
        return new ProcessTransformation(
                id,
                input,
                function,
                new BroadcastProcessAdapter(
                        (BroadcastProcessFunction<Object, Object, Object>) function, broadcastStates),
                true);
    }

    @Override
    public boolean stateful() {
        return needsState || uid().isPresent();
    }

    public ProcessFunction<Object, Object> function() {
        return function;
    }
}
