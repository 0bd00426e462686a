package io.rivulet.api;

import java.util.Map;

import io.rivulet.api.job.RunningJob;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.standalone.StandaloneJob;

/**
 * Runs a job from plain Java, without Quarkus: the counterpart of Flink's
 * {@code StreamExecutionEnvironment.executeAsync()} and of Kafka Streams' {@code new KafkaStreams(...).start()}.
 * The job runs exactly as in a service (same runtime, same guarantees, same internal topics); what a service adds —
 * HTTP health and metrics, the dev-profile embedded broker — is not there.
 *
 * <pre>{@code
 * JobBuilder job = new JobBuilder();
 * new WordCountJob().define(job);
 * try (RunningJob running = Rivulet.start(job, Map.of(
 *         "rivulet.application-id", "wordcount",
 *         "rivulet.kafka.bootstrap-servers", "localhost:9092"))) {
 *     running.awaitReady(Duration.ofMinutes(1));
 *     ...
 * }
 * }</pre>
 */
public final class Rivulet {

    private Rivulet() {}

    /**
     * Compiles the job, checks that its input and output topics exist, creates its internal topics (repartition
     * topics, changelogs, the dead-letter topic if configured) and starts its stream threads. Returns once the
     * threads run; they join the consumer group and restore state in the background ({@link RunningJob#awaitReady}
     * waits for that). The job is compiled here: what is added to {@code job} afterwards does not run.
     *
     * @param config the {@code rivulet.*} keys of a service, with the same meaning and defaults:
     *        {@code rivulet.application-id} and {@code rivulet.kafka.bootstrap-servers} are required;
     *        {@code rivulet.state-dir}, {@code rivulet.processing-guarantee}, {@code rivulet.commit-interval},
     *        {@code rivulet.auto-watermark-interval}, {@code rivulet.num-threads},
     *        {@code rivulet.errors.deserialization}, {@code rivulet.errors.processing} and
     *        {@code rivulet.group-instance-id} are optional; any other {@code rivulet.kafka.<client setting>} goes to
     *        the Kafka clients as set. Only these keys count: no environment variables, no system properties, and
     *        values are taken as they are ({@code ${...}} is not expanded). Keys outside {@code rivulet.*} are ignored.
     * @return the handle of the running job, to wait for it, inspect it and close it
     * @throws IllegalArgumentException if the configuration is invalid — a missing required key, a value that does not
     *         convert, an unknown {@code rivulet.*} key, a Kafka client setting that Rivulet owns (such as
     *         {@code rivulet.kafka.group.id}) — naming each key and what it accepts; or if the job is invalid (no
     *         source or sink, a stateful operator without a uid, a uid used twice)
     * @throws RuntimeException if the cluster cannot be reached, an input or output topic does not exist, or an
     *         internal topic has the wrong shape
     */
    public static RunningJob start(JobBuilder job, Map<String, String> config) {
        return StandaloneJob.start(JobGraphs.of(job), config);
    }
}
