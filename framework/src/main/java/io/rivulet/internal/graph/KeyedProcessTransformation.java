package io.rivulet.internal.graph;

import java.util.Set;

import io.rivulet.api.functions.KeyedBroadcastProcessFunction;
import io.rivulet.api.functions.KeyedCoProcessFunction;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.ProcessJoinFunction;
import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.internal.operators.FieldAggregator;
import io.rivulet.internal.operators.IntervalJoinFunction;
import io.rivulet.internal.operators.KeyedBroadcastAdapter;
import io.rivulet.internal.operators.KeyedCoProcessAdapter;
import io.rivulet.internal.operators.RollingReduceFunction;

/**
 * A keyed process function downstream of a keyBy: the user's own, or one of the framework's that runs a
 * two-input function (co-process, broadcast, interval join) as one. Named after the user's function, so that
 * errors name what the user wrote.
 */
public final class KeyedProcessTransformation extends Transformation {

    private final KeyByTransformation keyBy;
    private final KeyedProcessFunction<Object, Object, Object> function;

    private KeyedProcessTransformation(
            int id, KeyByTransformation input, String name, KeyedProcessFunction<?, ?, ?> function) {
        super(id, input, name);
        this.keyBy = input;
        this.function = erased(function);
    }

    public static KeyedProcessTransformation process(
            int id, KeyByTransformation input, KeyedProcessFunction<?, ?, ?> function) {
        return new KeyedProcessTransformation(id, input, "process:" + describe(function), function);
    }

    /** A rolling reduce: the user's reduce function, or the aggregator of {@code sum("field")} and the like. */
    @SuppressWarnings("unchecked")
    public static KeyedProcessTransformation rollingReduce(
            int id, KeyByTransformation input, ReduceFunction<?> reduce) {
        String name = reduce instanceof FieldAggregator aggregator
                ? "aggregation:" + aggregator
                : "reduce:" + describe(reduce);
        return new KeyedProcessTransformation(
                id, input, name, new RollingReduceFunction((ReduceFunction<Object>) reduce, input.valueSerde()));
    }

    @SuppressWarnings("unchecked")
    public static KeyedProcessTransformation coProcess(
            int id, KeyByTransformation input, KeyedCoProcessFunction<?, ?, ?, ?> function) {
        return new KeyedProcessTransformation(
                id, input, "process:" + describe(function), new KeyedCoProcessAdapter((KeyedCoProcessFunction<
                                Object, Object, Object, Object>)
                        function));
    }

    @SuppressWarnings("unchecked")
    public static KeyedProcessTransformation broadcastProcess(
            int id,
            KeyByTransformation input,
            KeyedBroadcastProcessFunction<?, ?, ?, ?> function,
            Set<String> broadcastStates) {
        return new KeyedProcessTransformation(
                id,
                input,
                "process:" + describe(function),
                new KeyedBroadcastAdapter(
                        (KeyedBroadcastProcessFunction<Object, Object, Object, Object>) function, broadcastStates));
    }

    /**
     * @param lower the lower bound, already moved in by one if exclusive
     * @param upper the upper bound, already moved in by one if exclusive
     */
    @SuppressWarnings("unchecked")
    public static KeyedProcessTransformation intervalJoin(
            int id,
            KeyByTransformation input,
            ProcessJoinFunction<?, ?, ?> join,
            long lower,
            long upper,
            Serde<?> leftSerde,
            Serde<?> rightSerde,
            OutputTag<?> leftLate,
            OutputTag<?> rightLate) {
        return new KeyedProcessTransformation(
                id,
                input,
                "intervalJoin:" + describe(join),
                new IntervalJoinFunction(
                        (ProcessJoinFunction<Object, Object, Object>) join,
                        lower,
                        upper,
                        (Serde<Object>) leftSerde,
                        (Serde<Object>) rightSerde,
                        (OutputTag<Object>) leftLate,
                        (OutputTag<Object>) rightLate));
    }

    @SuppressWarnings("unchecked")
    private static KeyedProcessFunction<Object, Object, Object> erased(KeyedProcessFunction<?, ?, ?> function) {
        return (KeyedProcessFunction<Object, Object, Object>) function;
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
