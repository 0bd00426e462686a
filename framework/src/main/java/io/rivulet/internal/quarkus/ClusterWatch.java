package io.rivulet.internal.quarkus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches, while the job runs, whether any of the cluster's bootstrap servers accepts connections
 * ({@link KafkaReachability}, once a second). The Kafka clients ride out an outage by themselves — processing
 * pauses and then resumes without loss or duplicates — so the job keeps running and liveness stays UP; but an
 * orchestrator and an operator should see it: readiness is DOWN while no server answers, and the log says so
 * when it starts, every {@link KafkaWait#LOG_INTERVAL} while it lasts, and when it ends (rather than the
 * clients' warning per connection attempt).
 */
final class ClusterWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterWatch.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final String bootstrapServers;
    private final ScheduledExecutorService executor;
    private volatile String unreachable;
    private Instant since;
    private long lastLog;

    private ClusterWatch(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rivulet-kafka-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    static ClusterWatch start(String bootstrapServers) {
        ClusterWatch watch = new ClusterWatch(bootstrapServers);
        watch.executor.scheduleWithFixedDelay(
                watch::probe, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Why the cluster cannot be reached, and since when; empty while a bootstrap server answers. */
    Optional<String> unreachable() {
        return Optional.ofNullable(unreachable);
    }

    private void probe() {
        Optional<String> problem = KafkaReachability.unreachable(bootstrapServers, CONNECT_TIMEOUT);
        long now = System.nanoTime();
        if (problem.isEmpty()) {
            if (since != null) {
                LOG.info(
                        "The Kafka cluster at {} is reachable again after {} s: processing resumes",
                        bootstrapServers,
                        Duration.between(since, Instant.now()).toSeconds());
                since = null;
                unreachable = null;
            }
            return;
        }
        if (since == null) {
            since = Instant.now();
            lastLog = now - KafkaWait.LOG_INTERVAL.toNanos();
        }
        unreachable = "the Kafka cluster at " + bootstrapServers + " is not reachable since " + since + " ("
                + problem.get() + ")";
        if (now - lastLog >= KafkaWait.LOG_INTERVAL.toNanos()) {
            lastLog = now;
            LOG.warn(
                    "The Kafka cluster at {} is not reachable since {} ({}): processing pauses and resumes by itself"
                            + " once it is; readiness is DOWN meanwhile",
                    bootstrapServers,
                    since,
                    problem.get());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
