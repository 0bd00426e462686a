package io.rivulet.api.functions;

import java.io.Serializable;

/**
 * Processes the elements of a keyed stream one at a time, with keyed state scoped to the current key.
 *
 * <p>Like Flink's functions it is {@link Serializable}: every task gets its own copy of the instance given to
 * {@code process(...)}, so keep state handles in {@code transient} fields set in {@link #open}. {@link #open}
 * is called once per task before the first element, {@link #close} when the task closes (on rebalance or
 * shutdown). Every state change and every emitted element of one input
 * element commits atomically with that element's input offset under exactly-once. If
 * {@link #processElement} throws, its state changes and output for that element are discarded and the
 * element goes to the processing-error handler.
 *
 * @param <K> the key type
 * @param <I> the input element type
 * @param <O> the output element type
 */
public abstract class KeyedProcessFunction<K, I, O> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Called once per task before the first element; get state handles here. */
    public void open(RuntimeContext context) throws Exception {}

    /** Called for each element; {@code ctx.getCurrentKey()} is the element's key. */
    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /**
     * Called when a timer registered through {@link Context#timerService()} fires, with the timer's key as
     * the current key. Its state changes and output commit with the transaction in which it fires.
     */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** Called once when the task closes. */
    public void close() throws Exception {}

    /** What {@link #processElement} knows about the element. */
    public abstract class Context {

        /** The element's event time (or, in {@link #onTimer}, the timer's timestamp). */
        public abstract long timestamp();

        /** The key of the element (or timer) being processed. */
        public abstract K getCurrentKey();

        /** Time and timers for the current key. */
        public abstract TimerService timerService();

        /** Emits to the side output named by {@code tag}. */
        public abstract <X> void output(OutputTag<X> tag, X value);
    }

    /** What {@link #onTimer} knows about the timer. */
    public abstract class OnTimerContext extends Context {

        public abstract TimeDomain timeDomain();
    }
}
