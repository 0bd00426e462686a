package io.rivulet.api.functions;

import java.io.Serializable;

/**
 * Processes the elements of a (not keyed) stream one at a time, with side outputs, as Flink's
 * {@code ProcessFunction}. Timers and keyed state need a keyed stream: see {@link KeyedProcessFunction}.
 * Copied per task, like every function.
 */
public abstract class ProcessFunction<I, O> implements Serializable {

    private static final long serialVersionUID = 1L;

    public void open(RuntimeContext context) throws Exception {}

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    public void close() throws Exception {}

    /** What {@link #processElement} knows about the element. */
    public abstract class Context {

        /** The element's event time. */
        public abstract long timestamp();

        /** Emits to the side output named by {@code tag}. */
        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
