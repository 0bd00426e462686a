package io.rivulet.api.functions;

import java.io.Serializable;

/** Receives each pair of an interval join, as Flink's {@code ProcessJoinFunction}. */
public abstract class ProcessJoinFunction<A, B, O> implements Serializable {

    private static final long serialVersionUID = 1L;

    public void open(RuntimeContext context) throws Exception {}

    public abstract void processElement(A left, B right, Context ctx, Collector<O> out) throws Exception;

    public void close() throws Exception {}

    /** The timestamps of the pair; results are stamped with the larger one. */
    public abstract class Context {

        public abstract long getLeftTimestamp();

        public abstract long getRightTimestamp();

        /** The larger of the two timestamps: the result's. */
        public abstract long getTimestamp();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
