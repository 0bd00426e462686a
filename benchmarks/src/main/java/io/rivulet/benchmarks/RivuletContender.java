package io.rivulet.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.Rivulet;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessJoinFunction;
import io.rivulet.api.job.RunningJob;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.samples.wordcount.CountPerWord;

/** Rivulet started from plain Java, without Quarkus, through its public entry point, on the same topics. */
final class RivuletContender {

    private final JobBuilder job = new JobBuilder();
    private final Map<String, String> config = new HashMap<>();
    private RunningJob running;

    RivuletContender(Workload workload, ContenderSettings settings) {
        if (workload.nexmarkQuery()) {
            NexmarkRivuletQueries.define(job, workload, settings.input(), settings.output());
        } else if (workload.windowed()) {
            windowed(workload, settings);
        } else {
            plain(workload, settings);
        }
        config.put("rivulet.application-id", settings.applicationId());
        config.put("rivulet.kafka.bootstrap-servers", settings.bootstrapServers());
        Map<String, Object> clients = new HashMap<>(settings.clientConfigs());
        clients.putAll(ContenderSettings.PRODUCER_TUNING);
        clients.remove(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        clients.forEach((key, value) -> config.put("rivulet.kafka." + key, String.valueOf(value)));
        config.put("rivulet.state-dir", settings.stateDir().toString());
        config.put("rivulet.processing-guarantee", "exactly_once");
        config.put("rivulet.commit-interval", ContenderSettings.COMMIT_INTERVAL.toString());
        config.put("rivulet.num-threads", "1");
        config.put("rivulet.errors.deserialization", "fail");
        config.put("rivulet.errors.processing", "fail");
        config.put("rivulet.group-instance-id", settings.groupInstanceId());
        config.put("rivulet.num-standby-replicas", String.valueOf(settings.standbyReplicas()));
    }

    private void plain(Workload workload, ContenderSettings settings) {
        var input = job.fromSource(KafkaSource.values(settings.input(), Serdes.string()));
        switch (workload) {
            case STATELESS ->
                input.map(Transforms::toEuros)
                        .filter(Transforms::evenAuction)
                        .sinkTo(KafkaSink.values(settings.output(), Serdes.string()));
            case WORDCOUNT ->
                input.<String>flatMap((line, out) -> {
                            for (String word : Transforms.words(line)) {
                                out.collect(word);
                            }
                        })
                        .keyBy(word -> word, Serdes.string(), Serdes.string())
                        .process(new CountPerWord())
                        .uid("count")
                        .sinkTo(KafkaSink.keyValues(settings.output(), Serdes.string(), Serdes.string()));
            case LARGE_STATE ->
                input.keyBy(Profiles::user, Serdes.string(), Serdes.string())
                        .process(new Profiles.KeepLatest())
                        .uid("profiles")
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
        var bids = job.fromSource(
                KafkaSource.values(settings.input(), Serdes.string()),
                WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(NexmarkBids.OUT_OF_ORDERNESS_MS))
                        .withTimestampAssigner((bid, ts) -> NexmarkBids.time(bid)));
        var windows = workload == Workload.TUMBLING_WINDOW
                ? bids.keyBy(NexmarkBids::auction, Serdes.string(), Serdes.string())
                        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                : bids.keyBy(NexmarkBids::bidder, Serdes.string(), Serdes.string())
                        .window(EventTimeSessionWindows.<String>withGap(Duration.ofSeconds(10)));
        windows.aggregate(new WindowCounts.Count(), Serdes.longs(), new WindowCounts.Emit())
                .uid("count")
                .sinkTo(KafkaSink.keyValues(settings.output(), Serdes.string(), Serdes.string()));
    }

    /** Bids and auctions from one topic, each keyed by auction, joined when within 10 s of each other. */
    private void intervalJoin(ContenderSettings settings) {
        var events = NexmarkRivuletQueries.timedEvents(job, settings.input());
        var bids =
                events.filter(NexmarkEvents::isBid).keyBy(NexmarkEvents::auctionId, Serdes.string(), Serdes.string());
        var auctions = events.filter(NexmarkEvents::isAuction)
                .keyBy(NexmarkEvents::auctionId, Serdes.string(), Serdes.string());
        bids.intervalJoin(auctions)
                .between(Duration.ofSeconds(-10), Duration.ofSeconds(10))
                .process(new JoinBids())
                .uid("join")
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

    /** A failed run must not look like a slow one: the JVM halts with exit code 3 once the job has stopped. */
    void start() {
        running = startJob(Map.of());
        Thread watchdog = new Thread(
                () -> {
                    try {
                        running.awaitTermination();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (running.failure().isPresent()) {
                        Runtime.getRuntime().halt(3);
                    }
                },
                "rivulet-contender-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Starts the job with {@code extra} settings on top of the contender's, without the watchdog. */
    RunningJob startJob(Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(config);
        all.putAll(extra);
        return Rivulet.start(job, all);
    }

    void stop() {
        running.close();
    }
}
