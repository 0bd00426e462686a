package io.rivulet.api;

import java.time.Duration;
import java.util.Objects;

import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.functions.ReduceFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.assigners.WindowAssigner;
import io.rivulet.api.windowing.evictors.Evictor;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.Window;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.WindowSpec;
import io.rivulet.internal.graph.WindowTransformation;
import io.rivulet.internal.operators.FieldAggregator;
import io.rivulet.internal.operators.FieldAggregator.Kind;

/**
 * A keyed stream grouped into windows, with Flink's semantics:
 * <ul>
 * <li>windows are {@code [start, end)}; results are stamped {@code end - 1} ({@code maxTimestamp});</li>
 * <li>the trigger decides when a window is evaluated (default: the assigner's, e.g. when the watermark passes
 * the window's end); everything a watermark triggers is emitted before that watermark moves on;</li>
 * <li>an element is late when {@code timestamp + allowedLateness <= watermark}; a late element that a window
 * still accepts (within the allowed lateness) re-fires that window; one no window accepts goes to the
 * {@link #sideOutputLateData late side output} — without one it is counted and logged, never dropped
 * silently;</li>
 * <li>a window's state is dropped when the watermark passes {@code maxTimestamp + allowedLateness}.</li>
 * </ul>
 * Window contents, trigger state and session metadata are keyed state of the operator: they are in the
 * changelog and commit with the input offsets, so a crash or rebalance neither loses nor doubles a result.
 *
 * @param <T> the element type
 * @param <K> the key type
 * @param <W> the window type
 */
public final class WindowedStream<T, K, W extends Window> {

    private final JobGraph graph;
    private final KeyByTransformation keyBy;
    private final WindowAssigner<? super T, W> assigner;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLateness;
    private OutputTag<T> lateDataTag;

    WindowedStream(JobGraph graph, KeyByTransformation keyBy, WindowAssigner<? super T, W> assigner) {
        this.graph = graph;
        this.keyBy = keyBy;
        this.assigner = assigner;
        this.trigger = assigner.getDefaultTrigger();
    }

    /** Replaces the assigner's default trigger. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        return this;
    }

    /** Evicts elements when a window fires; the windows then keep every element. */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        this.evictor = Objects.requireNonNull(evictor, "evictor");
        return this;
    }

    /** How long after a window's end late elements still update (and re-fire) it; default zero. */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("the allowed lateness must not be negative, got " + lateness);
        }
        if (lateness.toMillis() > 0 && !assigner.isEventTime()) {
            throw new IllegalArgumentException("allowed lateness applies to event-time windows only, not " + assigner);
        }
        this.allowedLateness = lateness.toMillis();
        return this;
    }

    /** Sends elements that no window accepts because they are too late to the side output {@code tag}. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
        this.lateDataTag = Objects.requireNonNull(tag, "tag");
        return this;
    }

    /** Reduces each window incrementally; emits the reduced value when the window fires. */
    public DataStream<T> reduce(ReduceFunction<T> reduce) {
        Objects.requireNonNull(reduce, "reduce");
        return reduce(reduce, new PassThrough<>());
    }

    /** Reduces each window incrementally and hands the result to {@code function} with the window. */
    public <R> DataStream<R> reduce(ReduceFunction<T> reduce, ProcessWindowFunction<T, R, K, W> function) {
        return build(Objects.requireNonNull(reduce, "reduce"), null, null, function);
    }

    /**
     * The sum of the field over each window, built on {@link #reduce(ReduceFunction)}: the window's first element
     * with the field replaced by the sum (its other fields stay the first element's). The field must be an int,
     * long, short, byte, float or double, boxed or not, as for Flink's sum.
     *
     * @param field a field expression, as for {@link KeyedStream#sum(String)}, or {@code "*"} for numbers
     */
    public DataStream<T> sum(String field) {
        return aggregate(Kind.SUM, field, false);
    }

    /** The window's first element with the field replaced by the window's minimum of it. */
    public DataStream<T> min(String field) {
        return aggregate(Kind.MIN, field, false);
    }

    /** The window's first element with the field replaced by the window's maximum of it. */
    public DataStream<T> max(String field) {
        return aggregate(Kind.MAX, field, false);
    }

    /** The element of the window with the smallest field; of equal ones the first. */
    public DataStream<T> minBy(String field) {
        return minBy(field, true);
    }

    /**
     * The element of the window with the smallest field, whole.
     *
     * @param first on a tie, the earlier element ({@code true}) or the later ({@code false})
     */
    public DataStream<T> minBy(String field, boolean first) {
        return aggregate(Kind.MIN_BY, field, first);
    }

    /** The element of the window with the largest field; of equal ones the first. */
    public DataStream<T> maxBy(String field) {
        return maxBy(field, true);
    }

    /**
     * The element of the window with the largest field, whole.
     *
     * @param first on a tie, the earlier element ({@code true}) or the later ({@code false})
     */
    public DataStream<T> maxBy(String field, boolean first) {
        return aggregate(Kind.MAX_BY, field, first);
    }

    @SuppressWarnings("unchecked")
    private DataStream<T> aggregate(Kind kind, String field, boolean first) {
        return reduce(
                (ReduceFunction<T>) (ReduceFunction<?>) FieldAggregator.of(kind, field, first, keyBy.valueSerde()));
    }

    /**
     * Aggregates each window incrementally; emits {@code getResult} of the accumulator when it fires.
     *
     * @param accumulatorSerde stores the accumulator in state
     */
    public <A, R> DataStream<R> aggregate(AggregateFunction<T, A, R> aggregate, Serde<A> accumulatorSerde) {
        return aggregate(aggregate, accumulatorSerde, new PassThrough<>());
    }

    /** Aggregates each window incrementally and hands the result to {@code function} with the window. */
    public <A, V, R> DataStream<R> aggregate(
            AggregateFunction<T, A, V> aggregate,
            Serde<A> accumulatorSerde,
            ProcessWindowFunction<V, R, K, W> function) {
        return build(
                null,
                Objects.requireNonNull(aggregate, "aggregate"),
                Objects.requireNonNull(accumulatorSerde, "accumulatorSerde"),
                function);
    }

    /** Keeps every element of a window and hands them all to {@code function} when it fires. */
    public <R> DataStream<R> process(ProcessWindowFunction<T, R, K, W> function) {
        return build(null, null, null, function);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> DataStream<R> build(
            ReduceFunction<T> reduce,
            AggregateFunction<T, ?, ?> aggregate,
            Serde<?> accumulatorSerde,
            ProcessWindowFunction<?, R, K, W> function) {
        Objects.requireNonNull(function, "function");
        if (assigner instanceof io.rivulet.api.windowing.assigners.MergingWindowAssigner && !trigger.canMerge()) {
            throw new IllegalArgumentException(
                    "the trigger " + trigger + " cannot merge windows, which " + assigner + " needs");
        }
        WindowSpec spec = new WindowSpec(
                (WindowAssigner) assigner,
                (Trigger) trigger,
                (Evictor) evictor,
                allowedLateness,
                (OutputTag) lateDataTag,
                (ReduceFunction) reduce,
                (AggregateFunction) aggregate,
                (Serde) accumulatorSerde,
                (ProcessWindowFunction) function);
        return new DataStream<>(graph, graph.add(new WindowTransformation(graph.nextId(), keyBy, spec)));
    }

    /** Emits what it receives: the window function of a plain {@code reduce} or {@code aggregate}. */
    private static final class PassThrough<V, K, W extends Window> extends ProcessWindowFunction<V, V, K, W> {

        private static final long serialVersionUID = 1L;

        @Override
        public void process(K key, Context context, Iterable<V> elements, Collector<V> out) {
            elements.forEach(out::collect);
        }
    }
}
