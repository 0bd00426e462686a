package io.rivulet.internal.quarkus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's wait for its Kafka cluster at start-up, on a thread of its own so that start-up does not block and
 * health can be probed meanwhile: every second it tries the bootstrap servers ({@link KafkaReachability}), says in
 * the log every {@link #LOG_INTERVAL} that it waits and why, and starts the job once a server answers — or, past
 * {@code rivulet.startup.kafka-timeout}, stops the service with a message that names the servers.
 */
final class KafkaWait implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaWait.class);

    /** Not at every attempt: one line a second would bury everything else in the log. */
    static final Duration LOG_INTERVAL = Duration.ofSeconds(30);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private final String bootstrapServers;
    private final Optional<Duration> timeout;
    private final Runnable startJob;
    private final Runnable fail;
    private volatile String waitingFor;
    private volatile boolean cancelled;

    /**
     * @param startJob starts the job once the cluster is reachable
     * @param fail stops the service once the timeout passed
     */
    KafkaWait(String bootstrapServers, Optional<Duration> timeout, Runnable startJob, Runnable fail) {
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
        this.startJob = startJob;
        this.fail = fail;
        this.waitingFor = "the Kafka cluster at " + bootstrapServers;
    }

    /** What the service waits for, while it does: the cluster, since when, and why it cannot be reached. */
    Optional<String> waitingFor() {
        return Optional.ofNullable(waitingFor);
    }

    /** The service stops: the wait ends without starting the job. */
    void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        long since = System.nanoTime();
        Instant sinceTime = Instant.now();
        long lastLog = since - LOG_INTERVAL.toNanos();
        try {
            while (!cancelled) {
                Optional<String> problem = KafkaReachability.unreachable(bootstrapServers, CONNECT_TIMEOUT);
                if (problem.isEmpty()) {
                    waitingFor = "the job to start on the Kafka cluster at " + bootstrapServers;
                    startJob.run();
                    return;
                }
                waitingFor = "the Kafka cluster at " + bootstrapServers + ", not reachable since " + sinceTime + " ("
                        + problem.get() + ")";
                long now = System.nanoTime();
                if (timeout.isPresent() && now - since >= timeout.get().toNanos()) {
                    LOG.error(
                            "Stopping the service: the Kafka cluster at {} was not reachable within {} ({});"
                                    + " check rivulet.kafka.bootstrap-servers",
                            bootstrapServers,
                            text(timeout.get()),
                            problem.get());
                    fail.run();
                    return;
                }
                if (now - lastLog >= LOG_INTERVAL.toNanos()) {
                    lastLog = now;
                    LOG.warn(
                            "Waiting for the Kafka cluster at {} ({}): the job starts once it is reachable{}",
                            bootstrapServers,
                            problem.get(),
                            timeout.map(t -> "; the service stops if it is not within " + text(t))
                                    .orElse(""));
                }
                Thread.sleep(RETRY_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waitingFor = null;
        }
    }

    /** A duration as the configuration writes it: {@code 30s}, {@code 1500ms}. */
    private static String text(Duration duration) {
        return duration.toMillis() % 1_000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
