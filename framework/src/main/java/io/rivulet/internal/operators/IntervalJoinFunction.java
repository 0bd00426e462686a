package io.rivulet.internal.operators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.ProcessJoinFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.windowing.evictors.TimestampedValue;

/**
 * An interval join, as Flink's {@code IntervalJoinOperator}: per key, both sides are buffered by time;
 * a left element at {@code t} joins the right elements in {@code [t + lower, t + upper]} (bounds inclusive
 * unless made exclusive), results are stamped with the larger timestamp, and an element behind the watermark
 * on arrival is late and goes to that side's late output. Buffers are keyed state with one entry per key and
 * timestamp, ordered by time, so that an element reads only the other side's entries inside its interval.
 * As in Flink, each timestamp's entries are removed by an event-time timer at the first time no element of the
 * other side that is not late can match them any more ({@code ts + upper} for the left side, {@code ts - lower}
 * for the right, never before {@code ts}); an element that arrives exactly at the watermark therefore joins
 * precisely what it would join in Flink.
 */
public final class IntervalJoinFunction extends KeyedProcessFunction<Object, TwoInputElement, Object>
        implements UsesOperatorServices {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(IntervalJoinFunction.class);

    private final ProcessJoinFunction<Object, Object, Object> join;
    private final long lower;
    private final long upper;
    private final Serde<Object> leftSerde;
    private final Serde<Object> rightSerde;
    private final OutputTag<Object> leftLate;
    private final OutputTag<Object> rightLate;
    private transient SortedMapState<Long, List<TimestampedValue<Object>>> leftBuffer;
    private transient SortedMapState<Long, List<TimestampedValue<Object>>> rightBuffer;
    private transient PairContext pairContext;
    private transient OperatorServices services;
    private transient PairCollector pairCollector;
    private transient long lateWithoutSideOutput;

    /**
     * @param lower the lower bound, already moved in by one if exclusive
     * @param upper the upper bound, already moved in by one if exclusive
     */
    public IntervalJoinFunction(
            ProcessJoinFunction<Object, Object, Object> join,
            long lower,
            long upper,
            Serde<Object> leftSerde,
            Serde<Object> rightSerde,
            OutputTag<Object> leftLate,
            OutputTag<Object> rightLate) {
        if (lower > upper) {
            throw new IllegalArgumentException(
                    "the lower bound of an interval join (" + lower + " ms) is above the upper (" + upper + " ms)");
        }
        this.join = join;
        this.lower = lower;
        this.upper = upper;
        this.leftSerde = leftSerde;
        this.rightSerde = rightSerde;
        this.leftLate = leftLate;
        this.rightLate = rightLate;
    }

    @Override
    public void setOperatorServices(OperatorServices operatorServices) {
        this.services = operatorServices;
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        leftBuffer = services.getSortedMapState(new MapStateDescriptor<>(
                "left-buffer", new SortableLongSerde(), new TimestampedElementsSerde(leftSerde)));
        rightBuffer = services.getSortedMapState(new MapStateDescriptor<>(
                "right-buffer", new SortableLongSerde(), new TimestampedElementsSerde(rightSerde)));
        pairContext = new PairContext();
        pairCollector = new PairCollector();
        join.open(context);
    }

    @Override
    public void processElement(TwoInputElement element, Context ctx, Collector<Object> out) throws Exception {
        long timestamp = ctx.timestamp();
        long watermark = ctx.timerService().currentWatermark();
        boolean left = element.isFirst();
        if (watermark != Long.MIN_VALUE && timestamp < watermark) {
            OutputTag<Object> late = left ? leftLate : rightLate;
            if (late != null) {
                ctx.output(late, element.value());
            } else if (Long.bitCount(++lateWithoutSideOutput) == 1) {
                // As the window operator: a late element without a late output is reported, not dropped silently.
                LOG.warn(
                        "Interval join: {} late element(s) dropped, the last from the {} side at timestamp {}, behind the watermark {};"
                                + " call sideOutputLeftLateData/sideOutputRightLateData to keep them",
                        lateWithoutSideOutput,
                        left ? "left" : "right",
                        timestamp,
                        watermark);
            }
            return;
        }
        SortedMapState<Long, List<TimestampedValue<Object>>> ours = left ? leftBuffer : rightBuffer;
        List<TimestampedValue<Object>> stored = ours.get(timestamp);
        List<TimestampedValue<Object>> updated = stored == null ? new ArrayList<>(1) : new ArrayList<>(stored);
        updated.add(new TimestampedValue<>(element.value(), timestamp));
        ours.put(timestamp, updated);

        long from = left ? timestamp + lower : timestamp - upper;
        long to = left ? timestamp + upper : timestamp - lower;
        pairContext.bind(ctx);
        for (Map.Entry<Long, List<TimestampedValue<Object>>> other :
                (left ? rightBuffer : leftBuffer).entriesBetween(from, to)) {
            for (TimestampedValue<Object> match : other.getValue()) {
                if (left) {
                    emit(element.value(), timestamp, match.value(), match.timestamp());
                } else {
                    emit(match.value(), match.timestamp(), element.value(), timestamp);
                }
            }
        }
        ctx.timerService().registerEventTimeTimer(left ? leftCleanup(timestamp) : rightCleanup(timestamp));
    }

    private void emit(Object leftValue, long leftTimestamp, Object rightValue, long rightTimestamp) throws Exception {
        pairContext.timestamps(leftTimestamp, rightTimestamp);
        pairCollector.timestamp = Math.max(leftTimestamp, rightTimestamp);
        join.processElement(leftValue, rightValue, pairContext, pairCollector);
    }

    /** After this event time no right element can match a left one at {@code timestamp}. */
    private long leftCleanup(long timestamp) {
        return upper > 0 ? timestamp + upper : timestamp;
    }

    /** After this event time no left element can match a right one at {@code timestamp}. */
    private long rightCleanup(long timestamp) {
        return lower <= 0 ? timestamp - lower : timestamp;
    }

    /**
     * Both sides share one timer per cleanup time: it removes the left and the right timestamp whose cleanup time
     * it is, whichever side registered it. Entries of a timestamp arrive only while their cleanup time has not
     * been passed, so a timer never removes an entry before its own cleanup time.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Object> out) throws Exception {
        leftBuffer.remove(upper > 0 ? timestamp - upper : timestamp);
        rightBuffer.remove(lower <= 0 ? timestamp + lower : timestamp);
    }

    @Override
    public void close() throws Exception {
        join.close();
    }

    /** Stamps what the join function emits with the larger timestamp of the pair, as Flink does. */
    private final class PairCollector implements Collector<Object> {

        private long timestamp;

        @Override
        public void collect(Object value) {
            services.collectWithTimestamp(value, timestamp);
        }
    }

    private final class PairContext extends ProcessJoinFunction<Object, Object, Object>.Context {

        private Context current;
        private long leftTimestamp;
        private long rightTimestamp;

        PairContext() {
            join.super();
        }

        void bind(Context context) {
            this.current = context;
        }

        void timestamps(long left, long right) {
            this.leftTimestamp = left;
            this.rightTimestamp = right;
        }

        @Override
        public long getLeftTimestamp() {
            return leftTimestamp;
        }

        @Override
        public long getRightTimestamp() {
            return rightTimestamp;
        }

        @Override
        public long getTimestamp() {
            return Math.max(leftTimestamp, rightTimestamp);
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            current.output(tag, value);
        }
    }
}
