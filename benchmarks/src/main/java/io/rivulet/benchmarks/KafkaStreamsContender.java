package io.rivulet.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.kstream.TimeWindows;

/**
 * The peer, written as its documentation shows: the DSL, exactly_once_v2, the default RocksDB stores with
 * their record cache, the same commit interval and producer batching as the others.
 */
final class KafkaStreamsContender {

    private final KafkaStreams streams;

    KafkaStreamsContender(Workload workload, ContenderSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        if (workload.nexmarkQuery()) {
            NexmarkKafkaStreamsQueries.define(builder, workload, settings.input(), settings.output());
        } else if (workload.windowed()) {
            windowed(builder, workload, settings);
        } else {
            plain(builder, workload, settings);
        }
        Properties props = new Properties();
        props.putAll(settings.clientConfigs());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, ContenderSettings.COMMIT_INTERVAL.toMillis());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        props.put(
                StreamsConfig.consumerPrefix(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                settings.groupInstanceId());
        ContenderSettings.PRODUCER_TUNING.forEach((key, value) -> props.put(StreamsConfig.producerPrefix(key), value));
        streams = new KafkaStreams(builder.build(), props);
    }

    private static void plain(StreamsBuilder builder, Workload workload, ContenderSettings settings) {
        KStream<String, String> input = builder.stream(settings.input());
        switch (workload) {
            case STATELESS ->
                input.mapValues(Transforms::toEuros)
                        .filter((key, bid) -> Transforms.evenAuction(bid))
                        .to(settings.output());
            case WORDCOUNT ->
                input.flatMapValues(line -> Arrays.asList(Transforms.words(line)))
                        .groupBy((key, word) -> word, Grouped.with(Serdes.String(), Serdes.String()))
                        .count()
                        .toStream()
                        .map((word, count) -> KeyValue.pair(word, String.valueOf(count)))
                        .to(settings.output(), Produced.with(Serdes.String(), Serdes.String()));
            case LARGE_STATE ->
                input.groupBy((key, profile) -> Profiles.user(profile), Grouped.with(Serdes.String(), Serdes.String()))
                        .reduce((previous, latest) -> latest)
                        .toStream()
                        .mapValues(Profiles::stored)
                        .to(settings.output(), Produced.with(Serdes.String(), Serdes.String()));
            default -> throw new IllegalArgumentException(workload.id());
        }
    }

    /**
     * Event time from the bid, a grace period of Nexmark's 4 s out-of-orderness, and final results only
     * ({@code EmitStrategy.onWindowClose()}), as Rivulet emits each window once.
     */
    private static void windowed(StreamsBuilder builder, Workload workload, ContenderSettings settings) {
        if (workload == Workload.INTERVAL_JOIN) {
            intervalJoin(builder, settings);
            return;
        }
        KStream<String, String> bids = builder.stream(
                settings.input(),
                Consumed.with(Serdes.String(), Serdes.String())
                        .withTimestampExtractor((record, previous) -> NexmarkBids.time((String) record.value())));
        Duration grace = Duration.ofMillis(NexmarkBids.OUT_OF_ORDERNESS_MS);
        Grouped<String, String> grouped = Grouped.with(Serdes.String(), Serdes.String());
        if (workload == Workload.TUMBLING_WINDOW) {
            NexmarkKafkaStreamsQueries.writeCounts(
                    bids.groupBy((key, bid) -> NexmarkBids.auction(bid), grouped)
                            .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofSeconds(10), grace))
                            .emitStrategy(EmitStrategy.onWindowClose())
                            .count(),
                    settings.output());
        } else {
            NexmarkKafkaStreamsQueries.writeCounts(
                    bids.groupBy((key, bid) -> NexmarkBids.bidder(bid), grouped)
                            .windowedBy(SessionWindows.ofInactivityGapAndGrace(Duration.ofSeconds(10), grace))
                            .emitStrategy(EmitStrategy.onWindowClose())
                            .count(),
                    settings.output());
        }
    }

    /** A stream-stream join, Kafka Streams' interval join: within 10 s either way, a grace of 4 s. */
    private static void intervalJoin(StreamsBuilder builder, ContenderSettings settings) {
        KStream<String, String> events = NexmarkKafkaStreamsQueries.timedEvents(builder, settings.input());
        KStream<String, String> bids = events.filter((key, event) -> NexmarkEvents.isBid(event))
                .selectKey((key, bid) -> NexmarkEvents.auctionId(bid));
        KStream<String, String> auctions = events.filter((key, event) -> NexmarkEvents.isAuction(event))
                .selectKey((key, auction) -> NexmarkEvents.auctionId(auction));
        bids.join(
                        auctions,
                        NexmarkEvents::joined,
                        JoinWindows.ofTimeDifferenceAndGrace(
                                Duration.ofSeconds(10), Duration.ofMillis(NexmarkBids.OUT_OF_ORDERNESS_MS)),
                        StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.String()))
                .to(settings.output(), Produced.with(Serdes.String(), Serdes.String()));
    }

    void start() {
        streams.start();
    }

    /** Records Kafka Streams dropped (late for their window, or otherwise skipped), from its task metrics. */
    double droppedRecords() {
        return streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("dropped-records-total"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    void stop() {
        streams.close();
    }
}
