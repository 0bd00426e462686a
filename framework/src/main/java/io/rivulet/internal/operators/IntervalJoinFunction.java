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
 *
 * <p>Which buffered elements still join is exactly Flink's, where a timer per timestamp removes its entries
 * once the watermark reaches their cleanup time ({@code ts + upper} on the left, {@code ts - lower} on the
 * right, never before {@code ts}); a timer registered at or behind the watermark fires only at its next advance.
 * So an entry stored while the watermark is behind its cleanup time is gone once the watermark reaches it, and
 * one stored exactly at its cleanup time (an element at the watermark, with {@code upper <= 0} on the left or
 * {@code lower >= 0} on the right) stays until the watermark moves on. Rivulet applies that rule when it reads
 * the buffers, and keeps the second kind of entry apart to tell them from the first; its timers only free the
 * space, one per key and second of event time rather than one per timestamp, which halves the timers written
 * to the changelog.
 */
public final class IntervalJoinFunction extends KeyedProcessFunction<Object, TwoInputElement, Object>
        implements UsesOperatorServices {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(IntervalJoinFunction.class);
    /** Buffers are freed per second of event time: one timer per key and second. */
    private static final long BUCKET = 1_000;

    private final ProcessJoinFunction<Object, Object, Object> join;
    private final long lower;
    private final long upper;
    private final Serde<Object> leftSerde;
    private final Serde<Object> rightSerde;
    private final OutputTag<Object> leftLate;
    private final OutputTag<Object> rightLate;
    private transient SortedMapState<Long, List<TimestampedValue<Object>>> leftBuffer;
    private transient SortedMapState<Long, List<TimestampedValue<Object>>> rightBuffer;
    /** Entries stored at their cleanup time, null where the bounds make that impossible. */
    private transient SortedMapState<Long, List<TimestampedValue<Object>>> leftAtCleanup;

    private transient SortedMapState<Long, List<TimestampedValue<Object>>> rightAtCleanup;
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
        if (upper <= 0) {
            leftAtCleanup = services.getSortedMapState(new MapStateDescriptor<>(
                    "left-buffer-at-cleanup", new SortableLongSerde(), new TimestampedElementsSerde(leftSerde)));
        }
        if (lower >= 0) {
            rightAtCleanup = services.getSortedMapState(new MapStateDescriptor<>(
                    "right-buffer-at-cleanup", new SortableLongSerde(), new TimestampedElementsSerde(rightSerde)));
        }
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
            services.lateRecord();
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
        long cleanup = left ? leftCleanup(timestamp) : rightCleanup(timestamp);
        // Not late, so cleanup >= timestamp >= watermark: equal only for an element at the watermark.
        boolean atCleanup = cleanup == watermark;
        SortedMapState<Long, List<TimestampedValue<Object>>> ours =
                left ? (atCleanup ? leftAtCleanup : leftBuffer) : (atCleanup ? rightAtCleanup : rightBuffer);
        List<TimestampedValue<Object>> stored = ours.get(timestamp);
        List<TimestampedValue<Object>> updated = stored == null ? new ArrayList<>(1) : new ArrayList<>(stored);
        updated.add(new TimestampedValue<>(element.value(), timestamp));
        ours.put(timestamp, updated);

        long from = left ? timestamp + lower : timestamp - upper;
        long to = left ? timestamp + upper : timestamp - lower;
        pairContext.bind(ctx);
        join(element.value(), timestamp, left, left ? rightBuffer : leftBuffer, from, to, watermark, false);
        SortedMapState<Long, List<TimestampedValue<Object>>> othersAtCleanup = left ? rightAtCleanup : leftAtCleanup;
        if (othersAtCleanup != null) {
            join(element.value(), timestamp, left, othersAtCleanup, from, to, watermark, true);
        }
        // One timer per second (timers are deduplicated): when the last timestamp of the second is done.
        long lastInBucket = Math.floorDiv(timestamp, BUCKET) * BUCKET + BUCKET - 1;
        ctx.timerService().registerEventTimeTimer(left ? leftCleanup(lastInBucket) : rightCleanup(lastInBucket));
    }

    /**
     * Joins with the other side's entries in {@code [from, to]} that Flink would still hold: those whose cleanup
     * time the watermark has not reached, or, for entries stored at their cleanup time, not passed.
     */
    private void join(
            Object value,
            long timestamp,
            boolean left,
            SortedMapState<Long, List<TimestampedValue<Object>>> others,
            long from,
            long to,
            long watermark,
            boolean storedAtCleanup)
            throws Exception {
        for (Map.Entry<Long, List<TimestampedValue<Object>>> other : others.entriesBetween(from, to)) {
            long otherCleanup = left ? rightCleanup(other.getKey()) : leftCleanup(other.getKey());
            if (storedAtCleanup ? otherCleanup < watermark : otherCleanup <= watermark) {
                continue;
            }
            for (TimestampedValue<Object> match : other.getValue()) {
                if (left) {
                    emit(value, timestamp, match.value(), match.timestamp());
                } else {
                    emit(match.value(), match.timestamp(), value, timestamp);
                }
            }
        }
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
     * Every second registered a timer at the cleanup time of its last timestamp, so the timer names the seconds
     * it frees: the left one and the right one whose last timestamp's cleanup is {@code timestamp}. Their entries
     * no longer join by then, so freeing them later than Flink changes no result.
     */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Object> out) throws Exception {
        long leftLast = upper > 0 ? timestamp - upper : timestamp;
        leftBuffer.removeBetween(leftLast - BUCKET + 1, leftLast);
        long rightLast = lower <= 0 ? timestamp + lower : timestamp;
        rightBuffer.removeBetween(rightLast - BUCKET + 1, rightLast);
        if (leftAtCleanup != null) {
            leftAtCleanup.removeBetween(leftLast - BUCKET + 1, leftLast);
        }
        if (rightAtCleanup != null) {
            rightAtCleanup.removeBetween(rightLast - BUCKET + 1, rightLast);
        }
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
