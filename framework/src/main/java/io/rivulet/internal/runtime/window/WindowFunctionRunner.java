package io.rivulet.internal.runtime.window;

import java.util.ArrayList;
import java.util.List;

import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.KeyedStateStore;
import io.rivulet.api.windowing.evictors.Evictor;
import io.rivulet.api.windowing.evictors.TimestampedValue;
import io.rivulet.api.windowing.windows.Window;
import io.rivulet.internal.graph.WindowSpec;
import io.rivulet.internal.runtime.node.KeyContext;
import io.rivulet.internal.runtime.state.ScopedStateStore;
import io.rivulet.internal.runtime.state.TaskServices;
import io.rivulet.internal.runtime.time.OperatorTimers;
import io.rivulet.internal.state.StateKeys;

/**
 * Evaluates a window when it fires: runs the evictor (if any) around the window function, pre-aggregates
 * kept elements for {@code reduce} and {@code aggregate}, and calls the user's process window function with
 * its context.
 */
public final class WindowFunctionRunner {

    /** Where a window's output goes. */
    public interface Output {
        Collector<Object> main();

        void side(OutputTag<?> tag, Object value);
    }

    private final WindowSpec spec;
    private final ProcessWindowFunction<Object, Object, Object, Window> function;
    private final Evictor<Object, Window> evictor;
    private final WindowContents contents;
    private final Output output;
    private final FunctionContext functionContext;
    private final Evictor.EvictorContext evictorContext;

    public WindowFunctionRunner(
            WindowSpec spec,
            WindowContents contents,
            TaskServices services,
            KeyContext key,
            String uid,
            OperatorTimers timers,
            Serde<Window> windowSerde,
            boolean merging,
            Output output) {
        this.spec = spec;
        this.function = spec.function();
        this.evictor = spec.evictor();
        this.contents = contents;
        this.output = output;
        this.functionContext = new FunctionContext(services, key, uid, timers, windowSerde, merging);
        this.evictorContext = new Evictor.EvictorContext() {
            @Override
            public long getCurrentProcessingTime() {
                return services.currentProcessingTime();
            }

            @Override
            public long getCurrentWatermark() {
                return timers.watermark();
            }
        };
    }

    public ProcessWindowFunction<Object, Object, Object, Window> function() {
        return function;
    }

    /** Evaluates the window's {@code stored} contents (never null). */
    @SuppressWarnings("unchecked")
    public void fire(Object key, byte[] keyBytes, Window window, byte[] namespace, Object stored) throws Exception {
        functionContext.on(keyBytes, window);
        if (!(contents instanceof ListWindowContents)) {
            Object result = spec.aggregate() != null ? spec.aggregate().getResult(stored) : stored;
            function.process(key, functionContext, List.of(result), output.main());
            return;
        }
        List<TimestampedValue<Object>> elements = new ArrayList<>((List<TimestampedValue<Object>>) stored);
        if (evictor != null) {
            evictor.evictBefore(elements, elements.size(), window, evictorContext);
        }
        function.process(key, functionContext, evaluate(elements), output.main());
        if (evictor != null) {
            evictor.evictAfter(elements, elements.size(), window, evictorContext);
            if (elements.isEmpty()) {
                contents.clear(namespace);
            } else {
                contents.put(namespace, elements);
            }
        }
    }

    /** What the window function receives from kept elements: all of them, or their reduction or aggregate. */
    private Iterable<Object> evaluate(List<TimestampedValue<Object>> elements) throws Exception {
        List<Object> values = new ArrayList<>(elements.size());
        elements.forEach(element -> values.add(element.value()));
        ReduceFunction<Object> reduce = spec.reduce();
        AggregateFunction<Object, Object, Object> aggregate = spec.aggregate();
        if (reduce != null) {
            Object reduced = null;
            for (Object value : values) {
                reduced = reduced == null ? value : reduce.reduce(reduced, value);
            }
            return reduced == null ? List.of() : List.of(reduced);
        }
        if (aggregate != null) {
            Object accumulator = aggregate.createAccumulator();
            for (Object value : values) {
                accumulator = aggregate.add(value, accumulator);
            }
            return List.of(aggregate.getResult(accumulator));
        }
        return values;
    }

    /** The window is dropped: the function releases its per-window state. */
    public void clear(byte[] keyBytes, Window window) throws Exception {
        functionContext.on(keyBytes, window);
        function.clear(functionContext);
    }

    private final class FunctionContext extends ProcessWindowFunction<Object, Object, Object, Window>.Context {

        private final TaskServices services;
        private final OperatorTimers timers;
        private final ScopedStateStore windowState;
        private final ScopedStateStore globalState;
        private final boolean merging;
        private byte[] keyBytes;
        private Window window;

        FunctionContext(
                TaskServices services,
                KeyContext key,
                String uid,
                OperatorTimers timers,
                Serde<Window> windowSerde,
                boolean merging) {
            function.super();
            this.services = services;
            this.timers = timers;
            this.merging = merging;
            this.windowState = new ScopedStateStore(
                    services,
                    uid,
                    "window-state/",
                    () -> StateKeys.namespaced(keyBytes, windowSerde.serialize(window)),
                    false);
            this.globalState = new ScopedStateStore(services, uid, "", key::stateScope, false);
        }

        void on(byte[] key, Window current) {
            this.keyBytes = key;
            this.window = current;
        }

        @Override
        public Window window() {
            return window;
        }

        @Override
        public long currentProcessingTime() {
            return services.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.watermark();
        }

        @Override
        public KeyedStateStore windowState() {
            if (merging) {
                throw new UnsupportedOperationException(
                        "per-window state is not available for merging (session) windows:"
                                + " their windows merge, and state kept per window could not follow");
            }
            return windowState;
        }

        @Override
        public KeyedStateStore globalState() {
            return globalState;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            output.side(tag, value);
        }
    }
}
