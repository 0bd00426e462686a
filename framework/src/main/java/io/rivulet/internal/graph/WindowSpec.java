package io.rivulet.internal.graph;

import java.io.Serializable;

import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.assigners.WindowAssigner;
import io.rivulet.api.windowing.evictors.Evictor;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.Window;

/**
 * Everything a window operator is made of, as the windowed stream collected it. Serializable so that each
 * task gets its own copy of the user's assigner, trigger, evictor and functions.
 *
 * <p>Exactly one of {@code reduce}, {@code aggregate} is set for incremental windows; with neither, the
 * window keeps its elements for {@code function}. An evictor makes every window keep its elements.
 */
public record WindowSpec(
        WindowAssigner<Object, Window> assigner,
        Trigger<Object, Window> trigger,
        Evictor<Object, Window> evictor,
        long allowedLateness,
        OutputTag<Object> lateDataTag,
        ReduceFunction<Object> reduce,
        AggregateFunction<Object, Object, Object> aggregate,
        Serde<Object> accumulatorSerde,
        ProcessWindowFunction<Object, Object, Object, Window> function)
        implements Serializable {}
