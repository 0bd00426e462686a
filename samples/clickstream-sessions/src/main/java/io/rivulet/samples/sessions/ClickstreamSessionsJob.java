package io.rivulet.samples.sessions;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.rivulet.api.DataStream;
import io.rivulet.api.JobBuilder;
import io.rivulet.api.KeyedStream;
import io.rivulet.api.RivuletJob;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;

/**
 * Clicks from {@code clicks} in, one record per user session out to {@code user-sessions}: sessions end after
 * {@code sessions.gap} without a click, on event time (the click's {@code ts}) with watermarks
 * {@code sessions.out-of-orderness} behind the latest click. Clicks too late for any session (beyond
 * {@code sessions.allowed-lateness}) go to {@code late-clicks} unchanged; a late click within it updates
 * its session, which is emitted again.
 */
@ApplicationScoped
public class ClickstreamSessionsJob implements RivuletJob {

    public static final String INPUT = "clicks";
    public static final String SESSIONS = "user-sessions";
    public static final String LATE_CLICKS = "late-clicks";
    public static final OutputTag<Click> LATE = new OutputTag<>("late-clicks");

    private final Duration outOfOrderness;
    private final Duration gap;
    private final Duration allowedLateness;

    public ClickstreamSessionsJob(
            @ConfigProperty(name = "sessions.out-of-orderness", defaultValue = "PT5S") Duration outOfOrderness,
            @ConfigProperty(name = "sessions.gap", defaultValue = "PT30M") Duration gap,
            @ConfigProperty(name = "sessions.allowed-lateness", defaultValue = "PT0S") Duration allowedLateness) {
        this.outOfOrderness = outOfOrderness;
        this.gap = gap;
        this.allowedLateness = allowedLateness;
    }

    @Override
    public void define(JobBuilder job) {
        KeyedStream<Click, String> clicksByUser = job.fromSource(
                        KafkaSource.values(INPUT, Click.SERDE),
                        WatermarkStrategy.<Click>forBoundedOutOfOrderness(outOfOrderness)
                                .withTimestampAssigner((click, ts) -> click.ts()))
                .keyBy(Click::user, Serdes.string(), Click.SERDE);
        DataStream<KeyValue<String, UserSession>> sessions = sessionsOf(clicksByUser, gap, allowedLateness);
        sessions.sinkTo(KafkaSink.keyValues(SESSIONS, Serdes.string(), UserSession.SERDE));
        sessions.getSideOutput(LATE)
                .map(click -> KeyValue.of(click.user(), click))
                .sinkTo(KafkaSink.keyValues(LATE_CLICKS, Serdes.string(), Click.SERDE));
    }

    /** The session windows of the job, on their own so that tests can drive them with explicit watermarks. */
    public static DataStream<KeyValue<String, UserSession>> sessionsOf(
            KeyedStream<Click, String> clicksByUser, Duration gap, Duration allowedLateness) {
        return clicksByUser
                .window(EventTimeSessionWindows.withGap(gap))
                .allowedLateness(allowedLateness)
                .sideOutputLateData(LATE)
                .aggregate(new CountClicks(), Serdes.longs(), new EmitSession())
                .uid("user-sessions");
    }
}
