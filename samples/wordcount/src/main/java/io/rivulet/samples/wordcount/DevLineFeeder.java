package io.rivulet.samples.wordcount;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.api.RivuletStarted;

/**
 * Dev profile only: writes a line to {@code text-lines} every second and logs the counts that arrive on
 * {@code word-counts} (read committed), so that running the service on the embedded default shows it work.
 */
@ApplicationScoped
public class DevLineFeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DevLineFeeder.class);
    private static final List<String> LINES = List.of(
            "the quick brown fox jumps over the lazy dog",
            "exactly once, the counts go 1, 2, 3",
            "a stream of lines becomes a stream of counts");

    private ScheduledExecutorService executor;
    private volatile boolean running = true;

    void onStarted(@Observes RivuletStarted started) {
        if (!ConfigUtils.getProfiles().contains("dev")) {
            return;
        }
        executor = Executors.newScheduledThreadPool(2);
        KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, started.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer());
        AtomicInteger next = new AtomicInteger();
        executor.scheduleAtFixedRate(
                () -> producer.send(
                        new ProducerRecord<>(WordCountJob.INPUT, LINES.get(next.getAndIncrement() % LINES.size()))),
                0,
                1,
                TimeUnit.SECONDS);
        executor.execute(() -> logCounts(started.bootstrapServers()));
        LOG.info(
                "Dev profile: feeding a line per second to {} and logging {}", WordCountJob.INPUT, WordCountJob.OUTPUT);
    }

    private void logCounts(String bootstrapServers) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG, "wordcount-dev-viewer",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(WordCountJob.OUTPUT));
            while (running) {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(r -> LOG.info("word-counts: {} = {}", r.key(), r.value()));
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
