package io.rivulet.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessJoinFunction;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.internal.runtime.RuntimeConfig;
import io.rivulet.internal.runtime.StreamsRuntime;
import io.rivulet.samples.wordcount.CountPerWord;
import io.rivulet.sink.ProcessingGuarantee;

/** Rivulet's runtime started from plain Java, without Quarkus, on the same topics. */
final class RivuletContender {

    private final JobBuilder job = new JobBuilder();
    private final RuntimeConfig config;
    private StreamsRuntime runtime;

    RivuletContender(Workload workload, ContenderSettings settings) {
        if (workload.nexmarkQuery()) {
            NexmarkRivuletQueries.define(job, workload, settings.input(), settings.output());
        } else if (workload.windowed()) {
            windowed(workload, settings);
        } else {
            plain(workload, settings);
        }
        Map<String, Object> kafka = new HashMap<>(settings.clientConfigs());
        kafka.putAll(ContenderSettings.PRODUCER_TUNING);
        config = new RuntimeConfig(settings.applicationId(), kafka, settings.stateDir(), ProcessingGuarantee.EXACTLY_ONCE,
                ContenderSettings.COMMIT_INTERVAL, 1, ErrorPolicy.FAIL, ErrorPolicy.FAIL,
                Optional.of(settings.groupInstanceId()), false);
    }

    private void plain(Workload workload, ContenderSettings settings) {
        var input = job.fromSource(KafkaSource.values(settings.input(), Serdes.string()));
        switch (workload) {
            case STATELESS -> input.map(Transforms::toEuros).filter(Transforms::evenAuction)
                    .sinkTo(KafkaSink.values(settings.output(), Serdes.string()));
            case WORDCOUNT -> input.<String>flatMap((line, out) -> {
                        for (String word : Transforms.words(line)) {
                            out.collect(word);
                        }
                    })
                    .keyBy(word -> word, Serdes.string(), Serdes.string())
                    .process(new CountPerWord()).uid("count")
                    .sinkTo(KafkaSink.keyValues(settings.output(), Serdes.string(), Serdes.string()));
            case LARGE_STATE -> input.keyBy(Profiles::user, Serdes.string(), Serdes.string())
                    .process(new Profiles.KeepLatest()).uid("profiles")
                    .sinkTo(KafkaSink.keyValues(settings.output(), Serdes.string(), Serdes.string()));
            default -> throw new IllegalArgumentException(workload.id());
        }
    }

    /** Event time from the bid, watermarks 4 s behind (Nexmark's out-of-orderness), each window emitted once. */
    private void windowed(Workload workload, ContenderSettings settings) {
        if (workload == Workload.INTERVAL_JOIN) {
            intervalJoin(settings);
            return;
        }
        var bids = job.fromSource(KafkaSource.values(settings.input(), Serdes.string()),
                WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(NexmarkBids.OUT_OF_ORDERNESS_MS))
                        .withTimestampAssigner((bid, ts) -> NexmarkBids.time(bid)));
        var windows = workload == Workload.TUMBLING_WINDOW
                ? bids.keyBy(NexmarkBids::auction, Serdes.string(), Serdes.string())
                        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                : bids.keyBy(NexmarkBids::bidder, Serdes.string(), Serdes.string())
                        .window(EventTimeSessionWindows.<String>withGap(Duration.ofSeconds(10)));
        windows.aggregate(new WindowCounts.Count(), Serdes.longs(), new WindowCounts.Emit()).uid("count")
                .sinkTo(KafkaSink.keyValues(settings.output(), Serdes.string(), Serdes.string()));
    }

    /** Bids and auctions from one topic, each keyed by auction, joined when within 10 s of each other. */
    private void intervalJoin(ContenderSettings settings) {
        var events = NexmarkRivuletQueries.timedEvents(job, settings.input());
        var bids = events.filter(NexmarkEvents::isBid).keyBy(NexmarkEvents::auctionId, Serdes.string(), Serdes.string());
        var auctions = events.filter(NexmarkEvents::isAuction).keyBy(NexmarkEvents::auctionId, Serdes.string(), Serdes.string());
        bids.intervalJoin(auctions).between(Duration.ofSeconds(-10), Duration.ofSeconds(10))
                .process(new JoinBids()).uid("join")
                .sinkTo(KafkaSink.values(settings.output(), Serdes.string()));
    }

    /** Writes a joined bid and auction. */
    static final class JoinBids extends ProcessJoinFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String bid, String auction, Context ctx, Collector<String> out) {
            out.collect(NexmarkEvents.joined(bid, auction));
        }
    }

    void start() {
        runtime = StreamsRuntime.start(config, job.graph(), error -> Runtime.getRuntime().halt(3));
    }

    void stop() {
        runtime.close();
    }
}
