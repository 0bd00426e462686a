package io.rivulet.api.functions;

import java.io.Serializable;

import io.rivulet.api.state.KeyedStateStore;
import io.rivulet.api.windowing.windows.Window;

/**
 * Evaluates a window when its trigger fires, with the window and its elements (or, after {@code reduce} or
 * {@code aggregate}, the single pre-aggregated result), as in Flink. Emitted elements carry the window's
 * {@code maxTimestamp()} as their timestamp.
 *
 * <p>Like every function it is {@link Serializable} and copied per task. Per-window state
 * ({@link Context#windowState()}) must be released in {@link #clear}, which runs when the window is dropped.
 *
 * @param <IN> what the function receives per element
 * @param <OUT> the output element type
 * @param <KEY> the key type
 * @param <W> the window type
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Called once per task before the first window is evaluated. */
    public void open(RuntimeContext context) throws Exception {}

    /** Evaluates the window of {@code key}. */
    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** Called when the window is dropped (at its end plus the allowed lateness): clear per-window state here. */
    public void clear(Context context) throws Exception {}

    /** Called once when the task closes. */
    public void close() throws Exception {}

    /** What the function knows about the window being evaluated. */
    public abstract class Context {

        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** State scoped to the key and this window. */
        public abstract KeyedStateStore windowState();

        /** State scoped to the key, shared by all its windows. */
        public abstract KeyedStateStore globalState();

        /** Emits to the side output named by {@code tag}. */
        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
