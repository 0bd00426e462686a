package io.rivulet.internal.runtime.window;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.assigners.MergingWindowAssigner;
import io.rivulet.api.windowing.assigners.WindowAssigner;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.triggers.TriggerResult;
import io.rivulet.api.windowing.windows.Window;
import io.rivulet.internal.graph.WindowSpec;
import io.rivulet.internal.runtime.node.KeyContext;
import io.rivulet.internal.runtime.node.OperatorRuntimeContext;
import io.rivulet.internal.runtime.node.ProcessorNode;
import io.rivulet.internal.runtime.node.StreamRecord;
import io.rivulet.internal.runtime.state.QueryableWindows;
import io.rivulet.internal.runtime.state.TaskServices;
import io.rivulet.internal.runtime.time.InternalTimer;
import io.rivulet.internal.runtime.time.OperatorTimers;
import io.rivulet.internal.state.StateKeys;
import io.rivulet.internal.state.StateNames;

/**
 * The window operator, following Flink's {@code WindowOperator} step by step: assign, merge (sessions), drop
 * what is late, add to the contents, ask the trigger, fire and purge, and register the cleanup timer at
 * {@code maxTimestamp + allowedLateness}. Timers fire from {@link #onWatermark} and {@link #onProcessingTime}.
 */
public final class WindowNode extends ProcessorNode {

    private static final Logger LOG = LoggerFactory.getLogger(WindowNode.class);

    private final String uid;
    private final TaskServices services;
    private final KeyContext key = new KeyContext();
    private final WindowSpec spec;
    private final WindowAssigner<Object, Window> assigner;
    private final Trigger<Object, Window> trigger;
    private final Serde<Object> keySerde;
    private final Serde<Window> windowSerde;
    private final WindowContents contents;
    private final MergingWindowSet mergingWindows;
    private final OperatorTimers timers;
    private final WindowTriggerContext triggerContext;
    private final WindowFunctionRunner runner;
    private final WindowAssigner.WindowAssignerContext assignerContext;
    private long lateRecordsWithoutSideOutput;
    /** Emits what a firing window's function collects, with the key and the window's max timestamp. */
    private final RecordCollector firing = new RecordCollector();

    @SuppressWarnings("unchecked")
    public WindowNode(
            String name,
            String uid,
            WindowSpec spec,
            Serde<Object> keySerde,
            Serde<Object> elementSerde,
            TaskServices services) {
        super(name);
        this.uid = uid;
        this.services = services;
        this.spec = spec;
        this.assigner = spec.assigner();
        this.trigger = spec.trigger();
        this.keySerde = keySerde;
        this.windowSerde = assigner.getWindowSerde();
        String contentsState = StateNames.of(uid, "window-contents");
        if (spec.evictor() == null && spec.reduce() != null) {
            this.contents = new ReducingWindowContents(services, contentsState, elementSerde, spec.reduce());
        } else if (spec.evictor() == null && spec.aggregate() != null) {
            this.contents =
                    new AggregatingWindowContents(services, contentsState, spec.accumulatorSerde(), spec.aggregate());
        } else {
            this.contents = new ListWindowContents(services, contentsState, elementSerde);
        }
        services.queryable().registerWindows(uid, queryable(contentsState, spec, (StoredWindowContents<?>) contents));
        this.mergingWindows = assigner instanceof MergingWindowAssigner<Object, Window> merging
                ? new MergingWindowSet(services, StateNames.of(uid, "merging-windows"), merging, windowSerde)
                : null;
        this.timers = new OperatorTimers(uid, services);
        this.triggerContext = new WindowTriggerContext(services, uid, timers, windowSerde);
        this.runner = new WindowFunctionRunner(
                spec,
                contents,
                services,
                key,
                uid,
                timers,
                windowSerde,
                mergingWindows != null,
                new WindowFunctionRunner.Output() {
                    @Override
                    public Collector<Object> main() {
                        return firing;
                    }

                    @Override
                    public void side(OutputTag<?> tag, Object value) {
                        forwardSideUnchecked(tag, firing.current().withValue(value));
                    }
                });
        this.assignerContext = services::currentProcessingTime;
    }

    @Override
    public void open() throws Exception {
        runner.function().open(new OperatorRuntimeContext(uid, services, key));
    }

    @Override
    public void process(StreamRecord record) throws Exception {
        Object element = record.value();
        long timestamp = record.timestamp();
        this.key.set(record.key(), record.keyBytes());
        byte[] key = record.keyBytes();
        Collection<Window> assigned = assigner.assignWindows(element, timestamp, assignerContext);
        boolean accepted = false;
        if (mergingWindows != null) {
            List<Window> windows = mergingWindows.load(key);
            for (Window window : assigned) {
                Window actual = mergingWindows.add(windows, window, (result, merged) -> merge(key, result, merged));
                if (isWindowLate(actual)) {
                    windows.remove(actual);
                    continue;
                }
                accepted = true;
                addAndTrigger(key, actual, element, timestamp);
            }
            mergingWindows.store(key, windows);
        } else {
            for (Window window : assigned) {
                if (isWindowLate(window)) {
                    continue;
                }
                accepted = true;
                addAndTrigger(key, window, element, timestamp);
            }
        }
        if (!accepted && isElementLate(timestamp)) {
            late(record);
        }
    }

    private void addAndTrigger(byte[] key, Window window, Object element, long timestamp) throws Exception {
        byte[] windowBytes = windowSerde.serialize(window);
        byte[] namespace = StateKeys.namespaced(key, windowBytes);
        contents.add(namespace, element, timestamp);
        TriggerResult result =
                trigger.onElement(element, timestamp, window, triggerContext.on(key, window, windowBytes));
        apply(result, key, window, namespace);
        registerCleanupTimer(key, window, windowBytes);
    }

    private void apply(TriggerResult result, byte[] key, Window window, byte[] namespace) throws Exception {
        if (result.isFire()) {
            Object stored = contents.get(namespace);
            if (stored != null) {
                fire(key, window, namespace, stored);
            }
        }
        if (result.isPurge()) {
            contents.clear(namespace);
        }
    }

    /** What interactive queries show of a window: the reduced element, the aggregate's result or the elements. */
    private QueryableWindows queryable(String stateName, WindowSpec spec, StoredWindowContents<?> stored) {
        Serde<?> serde = stored.serde();
        AggregateFunction<Object, Object, Object> aggregate = spec.evictor() == null ? spec.aggregate() : null;
        return new QueryableWindows(stateName, windowSerde, bytes -> {
            Object contents = serde.deserialize(bytes);
            return aggregate == null ? contents : aggregate.getResult(contents);
        });
    }

    private void fire(byte[] key, Window window, byte[] namespace, Object stored) throws Exception {
        firing.current(new StreamRecord(null, window.maxTimestamp(), this.key.key(), key));
        runner.fire(this.key.key(), key, window, namespace, stored);
    }

    private void merge(byte[] key, Window result, Collection<Window> merged) throws Exception {
        trigger.onMerge(result, triggerContext.on(key, result).merging(merged));
        List<byte[]> sources = new ArrayList<>();
        for (Window window : merged) {
            byte[] windowBytes = windowSerde.serialize(window);
            trigger.clear(window, triggerContext.on(key, window, windowBytes));
            deleteCleanupTimer(key, window, windowBytes);
            if (!window.equals(result)) {
                sources.add(StateKeys.namespaced(key, windowBytes));
            }
        }
        contents.merge(StateKeys.namespaced(key, windowSerde.serialize(result)), sources);
    }

    private void late(StreamRecord record) throws Exception {
        services.lateRecords().add(uid);
        if (spec.lateDataTag() != null) {
            forwardSide(spec.lateDataTag(), record);
            return;
        }
        lateRecordsWithoutSideOutput++;
        if (Long.bitCount(lateRecordsWithoutSideOutput) == 1) {
            LOG.warn(
                    "Window operator {} in task {}: {} late element(s) fit no window and have no late side output"
                            + " (latest timestamp {}, watermark {}); call sideOutputLateData(tag) to keep them",
                    uid,
                    services.taskId(),
                    lateRecordsWithoutSideOutput,
                    record.timestamp(),
                    timers.watermark());
        }
    }

    @Override
    public void onWatermark(long watermark) throws Exception {
        InternalTimer timer;
        while ((timer = timers.nextEventTimer(watermark)) != null) {
            onTimer(timer, true);
        }
    }

    @Override
    public void onProcessingTime(long time) throws Exception {
        InternalTimer timer;
        while ((timer = timers.processing().pollDue(time)) != null) {
            onTimer(timer, false);
        }
    }

    private void onTimer(InternalTimer timer, boolean eventTime) throws Exception {
        byte[] key = timer.key();
        Window window = windowSerde.deserialize(timer.namespace());
        this.key.set(keySerde.deserialize(key), key);
        List<Window> windows = null;
        if (mergingWindows != null) {
            windows = mergingWindows.load(key);
            if (!windows.contains(window)) {
                // The window was merged away; its trigger was cleared, only a stray timer is left.
                return;
            }
        }
        byte[] namespace = StateKeys.namespaced(key, timer.namespace());
        triggerContext.on(key, window, timer.namespace());
        TriggerResult result = eventTime
                ? trigger.onEventTime(timer.timestamp(), window, triggerContext)
                : trigger.onProcessingTime(timer.timestamp(), window, triggerContext);
        apply(result, key, window, namespace);
        if (eventTime == assigner.isEventTime() && timer.timestamp() == cleanupTime(window)) {
            contents.clear(namespace);
            trigger.clear(window, triggerContext.on(key, window, timer.namespace()));
            runner.clear(key, window);
            if (windows != null) {
                windows.remove(window);
            }
        }
        if (windows != null) {
            mergingWindows.store(key, windows);
        }
    }

    private boolean isWindowLate(Window window) {
        return assigner.isEventTime() && cleanupTime(window) <= timers.watermark();
    }

    private boolean isElementLate(long timestamp) {
        return assigner.isEventTime() && timestamp + spec.allowedLateness() <= timers.watermark();
    }

    /** When the window's state goes: its end plus the allowed lateness in event time, never for a global window. */
    private long cleanupTime(Window window) {
        if (!assigner.isEventTime()) {
            return window.maxTimestamp();
        }
        long cleanup = window.maxTimestamp() + spec.allowedLateness();
        return cleanup >= window.maxTimestamp() ? cleanup : Long.MAX_VALUE;
    }

    private void registerCleanupTimer(byte[] key, Window window, byte[] windowBytes) {
        long cleanup = cleanupTime(window);
        if (cleanup != Long.MAX_VALUE) {
            (assigner.isEventTime() ? timers.event() : timers.processing()).register(cleanup, key, windowBytes);
        }
    }

    private void deleteCleanupTimer(byte[] key, Window window, byte[] windowBytes) {
        long cleanup = cleanupTime(window);
        if (cleanup != Long.MAX_VALUE) {
            (assigner.isEventTime() ? timers.event() : timers.processing()).delete(cleanup, key, windowBytes);
        }
    }

    @Override
    public void close() throws Exception {
        runner.function().close();
    }
}
