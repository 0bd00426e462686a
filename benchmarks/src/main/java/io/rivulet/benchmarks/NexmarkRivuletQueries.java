package io.rivulet.benchmarks;

import io.rivulet.api.DataStream;
import io.rivulet.api.JobBuilder;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;
import io.rivulet.api.windowing.assigners.SlidingEventTimeWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.windows.TimeWindow;

/**
 * The Nexmark queries as Rivulet jobs on the {@link NexmarkEvents} topic, written as a Flink user would: event
 * time from the event with watermarks 4 s behind (Nexmark's out-of-orderness), each window emitted once when
 * the watermark passes its end. Stateless queries read without watermarks, which they do not need.
 */
final class NexmarkRivuletQueries {

    private NexmarkRivuletQueries() {}

    /** Adds {@code query}, reading {@code input} and writing its results to {@code output}, to {@code job}. */
    static void define(JobBuilder job, Workload query, String input, String output) {
        switch (query) {
            case Q0 ->
                job.fromSource(KafkaSource.values(input, Serdes.string()))
                        .map(Transforms::passThrough)
                        .sinkTo(KafkaSink.values(output, Serdes.string()));
            case Q1 ->
                job.fromSource(KafkaSource.values(input, Serdes.string()))
                        .filter(NexmarkEvents::isBid)
                        .map(Transforms::bidInEuros)
                        .sinkTo(KafkaSink.values(output, Serdes.string()));
            case Q2 ->
                job.fromSource(KafkaSource.values(input, Serdes.string()))
                        .filter(Transforms::q2Bid)
                        .map(Transforms::auctionAndPrice)
                        .sinkTo(KafkaSink.values(output, Serdes.string()));
            case Q5 ->
                hotItems(timedEvents(job, input).filter(NexmarkEvents::isBid))
                        .sinkTo(KafkaSink.keyValues(output, Serdes.string(), Serdes.string()));
            case Q7 ->
                highestBids(timedEvents(job, input).filter(NexmarkEvents::isBid))
                        .sinkTo(KafkaSink.keyValues(output, Serdes.string(), Serdes.string()));
            case Q8 -> newUsers(timedEvents(job, input)).sinkTo(KafkaSink.values(output, Serdes.string()));
            case Q11 ->
                timedEvents(job, input)
                        .filter(NexmarkEvents::isBid)
                        .keyBy(NexmarkEvents::bidder, Serdes.string(), Serdes.string())
                        .window(EventTimeSessionWindows.<String>withGap(NexmarkQueries.SESSION_GAP))
                        .aggregate(new WindowCounts.Count(), Serdes.longs(), new WindowCounts.Emit())
                        .uid("count")
                        .sinkTo(KafkaSink.keyValues(output, Serdes.string(), Serdes.string()));
            default -> throw new IllegalArgumentException("not a Nexmark query: " + query.id());
        }
    }

    /** The events of {@code topic} on event time, with watermarks Nexmark's out-of-orderness behind. */
    static DataStream<String> timedEvents(JobBuilder job, String topic) {
        return job.fromSource(
                KafkaSource.values(topic, Serdes.string()),
                WatermarkStrategy.<String>forBoundedOutOfOrderness(NexmarkQueries.OUT_OF_ORDERNESS)
                        .withTimestampAssigner((event, ts) -> NexmarkEvents.time(event)));
    }

    /**
     * q5: bids per auction in sliding windows, then per window end the hottest auctions. A first-stage result is
     * stamped with its window's end - 1, so the tumbling windows of one slide, keyed by that end, take exactly
     * the counts of one sliding window and fire on the same watermark that fired them.
     */
    private static DataStream<KeyValue<String, String>> hotItems(DataStream<String> bids) {
        return bids.keyBy(NexmarkEvents::auctionId, Serdes.string(), Serdes.string())
                .window(SlidingEventTimeWindows.of(NexmarkQueries.WINDOW, NexmarkQueries.SLIDE))
                .aggregate(new WindowCounts.Count(), Serdes.longs(), new AuctionCount())
                .uid("count")
                .keyBy(count -> count.substring(0, count.indexOf(',')), Serdes.string(), Serdes.string())
                .window(TumblingEventTimeWindows.of(NexmarkQueries.SLIDE))
                .aggregate(new Hottest(), Serdes.string(), new KeyedResult())
                .uid("hottest");
    }

    /** q7: the highest bid per tumbling window, keyed by the window so that windows spread over the tasks. */
    private static DataStream<KeyValue<String, String>> highestBids(DataStream<String> bids) {
        return bids.keyBy(bid -> String.valueOf(NexmarkQueries.windowStart(bid)), Serdes.string(), Serdes.string())
                .window(TumblingEventTimeWindows.of(NexmarkQueries.WINDOW))
                .reduce(NexmarkQueries::higherBid, new KeyedResult())
                .uid("highest");
    }

    /** q8: a window join of persons (by id) and auctions (by seller) in tumbling windows. */
    private static DataStream<String> newUsers(DataStream<String> events) {
        DataStream<String> persons = events.filter(NexmarkEvents::isPerson);
        DataStream<String> auctions = events.filter(NexmarkEvents::isAuction);
        return persons.join(auctions, Serdes.string(), Serdes.string())
                .where(NexmarkEvents::personId, Serdes.string())
                .equalTo(NexmarkEvents::seller)
                .window(TumblingEventTimeWindows.of(NexmarkQueries.WINDOW))
                .apply(NexmarkQueries::newUser)
                .uid("join");
    }

    /** q5's first stage emits {@code windowEnd,auction,count}. */
    static final class AuctionCount extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String auction, Context context, Iterable<Long> counts, Collector<String> out) {
            out.collect(context.window().getEnd() + "," + auction + ","
                    + counts.iterator().next());
        }
    }

    /** q5's second stage over the {@code windowEnd,auction,count} of one window end. */
    static final class Hottest implements AggregateFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String createAccumulator() {
            return HotItems.NONE;
        }

        @Override
        public String add(String windowCount, String hottest) {
            return HotItems.add(hottest, windowCount.substring(windowCount.indexOf(',') + 1));
        }

        @Override
        public String getResult(String hottest) {
            return hottest;
        }

        @Override
        public String merge(String a, String b) {
            return HotItems.merge(a, b);
        }
    }

    /** Emits a window's result under the window's key. */
    static final class KeyedResult extends ProcessWindowFunction<String, KeyValue<String, String>, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(
                String key, Context context, Iterable<String> results, Collector<KeyValue<String, String>> out) {
            results.forEach(result -> out.collect(KeyValue.of(key, result)));
        }
    }
}
