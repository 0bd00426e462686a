package io.rivulet.api.functions;

import java.io.Serializable;

/**
 * Processes the elements of two keyed streams connected on the same key, with keyed state shared by both
 * inputs and timers, as Flink's {@code KeyedCoProcessFunction}. Both inputs travel through one repartition
 * topic, so the elements of a key from either side reach the same task. Copied per task.
 */
public abstract class KeyedCoProcessFunction<K, A, B, O> implements Serializable {

    private static final long serialVersionUID = 1L;

    public void open(RuntimeContext context) throws Exception {}

    public abstract void processElement1(A value, Context ctx, Collector<O> out) throws Exception;

    public abstract void processElement2(B value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer of the current key fires. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    public void close() throws Exception {}

    /** What the function knows about the element or timer. */
    public abstract class Context {

        public abstract long timestamp();

        public abstract K getCurrentKey();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }

    /** What {@link #onTimer} knows about the timer. */
    public abstract class OnTimerContext extends Context {

        public abstract TimeDomain timeDomain();
    }
}
