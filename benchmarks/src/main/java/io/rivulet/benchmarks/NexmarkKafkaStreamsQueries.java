package io.rivulet.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;

/**
 * The Nexmark queries in the Kafka Streams DSL on the {@link NexmarkEvents} topic, as its documentation shows:
 * event time from the event by a timestamp extractor, a grace period of Nexmark's 4 s out-of-orderness, and
 * windows emitted once when they close ({@code EmitStrategy.onWindowClose()}), as Rivulet emits them. Each
 * query produces what {@link NexmarkRivuletQueries} produces; where the DSL cannot say the same thing, the
 * query's Javadoc says how it differs.
 *
 * <p>On one input partition both systems compute the same results ({@code NexmarkQueriesTest}). On several they do
 * not: Kafka Streams' stream time is per task, the largest timestamp the task has seen, so when the upstream
 * tasks drain a backlog at different speeds it drops as too late (and logs at WARN, record by record) bids that
 * Rivulet, whose watermark is the minimum over the input partitions, still counts.
 */
final class NexmarkKafkaStreamsQueries {

    private static final Grouped<String, String> STRINGS = Grouped.with(Serdes.String(), Serdes.String());
    private static final Produced<String, String> OUTPUT = Produced.with(Serdes.String(), Serdes.String());

    private NexmarkKafkaStreamsQueries() {}

    /** Adds {@code query}, reading {@code input} and writing its results to {@code output}, to {@code builder}. */
    static void define(StreamsBuilder builder, Workload query, String input, String output) {
        switch (query) {
            case Q0 ->
                plainEvents(builder, input).mapValues(Transforms::passThrough).to(output, OUTPUT);
            case Q1 ->
                plainEvents(builder, input)
                        .filter((key, event) -> NexmarkEvents.isBid(event))
                        .mapValues(Transforms::bidInEuros)
                        .to(output, OUTPUT);
            case Q2 ->
                plainEvents(builder, input)
                        .filter((key, event) -> Transforms.q2Bid(event))
                        .mapValues(Transforms::auctionAndPrice)
                        .to(output, OUTPUT);
            case Q5 -> hotItems(bids(builder, input), output);
            case Q7 -> highestBids(bids(builder, input), output);
            case Q8 -> newUsers(timedEvents(builder, input), output);
            case Q11 ->
                writeCounts(
                        bids(builder, input)
                                .groupBy((key, bid) -> NexmarkEvents.bidder(bid), STRINGS)
                                .windowedBy(SessionWindows.ofInactivityGapAndGrace(
                                        NexmarkQueries.SESSION_GAP, NexmarkQueries.OUT_OF_ORDERNESS))
                                .emitStrategy(EmitStrategy.onWindowClose())
                                .count(),
                        output);
            default -> throw new IllegalArgumentException("not a Nexmark query: " + query.id());
        }
    }

    /** The events of {@code topic} with the event's own time as the record time. */
    static KStream<String, String> timedEvents(StreamsBuilder builder, String topic) {
        return builder.stream(
                topic,
                Consumed.with(Serdes.String(), Serdes.String())
                        .withTimestampExtractor((record, previous) -> NexmarkEvents.time((String) record.value())));
    }

    /** Writes window counts as {@code key@windowStart -> count}, as Rivulet's {@link WindowCounts.Emit} does. */
    static void writeCounts(KTable<Windowed<String>, Long> counts, String output) {
        counts.toStream()
                .map((window, count) ->
                        KeyValue.pair(window.key() + "@" + window.window().start(), String.valueOf(count)))
                .to(output, OUTPUT);
    }

    private static KStream<String, String> plainEvents(StreamsBuilder builder, String topic) {
        return builder.stream(topic, Consumed.with(Serdes.String(), Serdes.String()));
    }

    private static KStream<String, String> bids(StreamsBuilder builder, String topic) {
        return timedEvents(builder, topic).filter((key, event) -> NexmarkEvents.isBid(event));
    }

    /**
     * q5: bids per auction in hopping windows (Kafka Streams' sliding windows by a fixed advance), then per window
     * end the hottest auctions. The second stage is a table aggregation: it emits the hottest so far each time a
     * count of that window end arrives (fewer where the record cache folds updates within a commit interval),
     * where Rivulet's second window emits each window end once; the last value per window end is Rivulet's one.
     */
    private static void hotItems(KStream<String, String> bids, String output) {
        bids.groupBy((key, bid) -> NexmarkEvents.auctionId(bid), STRINGS)
                .windowedBy(TimeWindows.ofSizeAndGrace(NexmarkQueries.WINDOW, NexmarkQueries.OUT_OF_ORDERNESS)
                        .advanceBy(NexmarkQueries.SLIDE))
                .emitStrategy(EmitStrategy.onWindowClose())
                .count()
                .toStream()
                .map((window, count) ->
                        KeyValue.pair(String.valueOf(window.window().end()), window.key() + "," + count))
                .groupByKey(STRINGS)
                .aggregate(
                        () -> HotItems.NONE,
                        (windowEnd, auctionCount, hottest) -> HotItems.add(hottest, auctionCount),
                        Materialized.with(Serdes.String(), Serdes.String()))
                .toStream()
                .to(output, OUTPUT);
    }

    /** q7: the highest bid per tumbling window, keyed by the window as in Rivulet. */
    private static void highestBids(KStream<String, String> bids, String output) {
        bids.groupBy((key, bid) -> String.valueOf(NexmarkQueries.windowStart(bid)), STRINGS)
                .windowedBy(TimeWindows.ofSizeAndGrace(NexmarkQueries.WINDOW, NexmarkQueries.OUT_OF_ORDERNESS))
                .emitStrategy(EmitStrategy.onWindowClose())
                .reduce(NexmarkQueries::higherBid)
                .toStream()
                .map((window, bid) -> KeyValue.pair(window.key(), bid))
                .to(output, OUTPUT);
    }

    /**
     * q8: Kafka Streams has no tumbling window join. Its stream-stream join matches within a sliding band of
     * ±10 s and emits at once, a different operator; {@code cogroup} of persons and auctions would shuffle each
     * through its own repartition topic. Rivulet's window join shuffles both sides through one topic, keeps them
     * per key and window and emits the pairs when the window closes; the DSL's closest equivalent is what this
     * does: persons (by id) and auctions (by seller) grouped together into tumbling windows, aggregated into the
     * window's events, and the pairs emitted from the final aggregate.
     */
    private static void newUsers(KStream<String, String> events, String output) {
        events.filter((key, event) -> NexmarkEvents.isPerson(event) || NexmarkEvents.isAuction(event))
                .groupBy(
                        (key, event) -> NexmarkEvents.isPerson(event)
                                ? NexmarkEvents.personId(event)
                                : NexmarkEvents.seller(event),
                        STRINGS)
                .windowedBy(TimeWindows.ofSizeAndGrace(NexmarkQueries.WINDOW, NexmarkQueries.OUT_OF_ORDERNESS))
                .emitStrategy(EmitStrategy.onWindowClose())
                .aggregate(
                        () -> "",
                        (person, event, windowEvents) -> windowEvents.isEmpty() ? event : windowEvents + ";" + event,
                        Materialized.with(Serdes.String(), Serdes.String()))
                .toStream()
                .flatMap((person, windowEvents) -> newUserPairs(windowEvents))
                .to(output, OUTPUT);
    }

    /** Every person of a window paired with every auction in it, as the window join pairs them; no key. */
    private static List<KeyValue<String, String>> newUserPairs(String windowEvents) {
        List<String> persons = new ArrayList<>();
        List<String> auctions = new ArrayList<>();
        for (String event : windowEvents.split(";")) {
            (NexmarkEvents.isPerson(event) ? persons : auctions).add(event);
        }
        List<KeyValue<String, String>> pairs = new ArrayList<>(persons.size() * auctions.size());
        for (String person : persons) {
            for (String auction : auctions) {
                pairs.add(KeyValue.pair(null, NexmarkQueries.newUser(person, auction)));
            }
        }
        return pairs;
    }
}
