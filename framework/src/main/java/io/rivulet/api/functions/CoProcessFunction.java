package io.rivulet.api.functions;

import java.io.Serializable;

/**
 * Processes the elements of two connected streams (not keyed), each with its own method, as Flink's
 * {@code CoProcessFunction}. Copied per task, like every function.
 */
public abstract class CoProcessFunction<A, B, O> implements Serializable {

    private static final long serialVersionUID = 1L;

    public void open(RuntimeContext context) throws Exception {}

    public abstract void processElement1(A value, Context ctx, Collector<O> out) throws Exception;

    public abstract void processElement2(B value, Context ctx, Collector<O> out) throws Exception;

    public void close() throws Exception {}

    /** What the function knows about the element. */
    public abstract class Context {

        public abstract long timestamp();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
