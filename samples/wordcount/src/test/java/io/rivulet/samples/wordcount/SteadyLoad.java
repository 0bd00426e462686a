package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;

/**
 * Lines produced at a steady rate (about 100 a second) while a fault happens, and the output watched with
 * {@code read_committed} for the longest time in which no new count became visible: the processing pause as a
 * downstream reader sees it. Every line sent is acknowledged ({@code acks=all}) or the run fails.
 */
final class SteadyLoad implements AutoCloseable {

    private static final Duration SEND_INTERVAL = Duration.ofMillis(20);
    private static final int LINES_PER_SEND = 2;

    private final AtomicBoolean producing = new AtomicBoolean(true);
    private final AtomicBoolean watching = new AtomicBoolean(true);
    private final AtomicLong outputSeen = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong();
    private final AtomicLong longestPause = new AtomicLong();
    private final List<Exception> sendFailures = new CopyOnWriteArrayList<>();
    private final Thread producer;
    private final Thread watcher;
    private volatile long stoppedAt;

    SteadyLoad(KafkaCluster kafka, WordCountFixture fixture, int outputPartitions) {
        producer = new Thread(() -> produce(kafka, fixture), "steady-load-producer");
        watcher = new Thread(() -> watch(kafka, outputPartitions), "steady-load-watcher");
        watcher.start();
        producer.start();
    }

    /** Waits until {@code records} more counts than now are visible downstream. */
    void awaitProgress(long records, Duration timeout, String during) {
        long target = outputSeen.get() + records;
        Await.until(
                timeout,
                records + " more counts visible " + during + " (seen " + outputSeen.get() + ")",
                () -> outputSeen.get() >= target);
    }

    /** Stops producing; every line sent so far was acknowledged. The fixture's expectations are complete after this. */
    void stop() throws InterruptedException {
        producing.set(false);
        producer.join();
        stoppedAt = System.nanoTime();
        assertThat(sendFailures).as("lines the producer could not deliver").isEmpty();
    }

    /** The longest time between two new counts becoming visible, from the first until the load stopped. */
    Duration longestPause() {
        long last = lastArrival.get();
        long tail = stoppedAt > 0 && last > 0 ? Math.max(0, stoppedAt - last) : 0;
        return Duration.ofNanos(Math.max(longestPause.get(), tail));
    }

    @Override
    public void close() throws InterruptedException {
        producing.set(false);
        watching.set(false);
        producer.join();
        watcher.join();
    }

    private void produce(KafkaCluster kafka, WordCountFixture fixture) {
        // The load generator is not under test: it gives up on a frozen leader sooner and waits longer for delivery.
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        try (KafkaProducer<String, String> out = TestRecords.stringProducer(settings)) {
            while (producing.get()) {
                for (int i = 0; i < LINES_PER_SEND; i++) {
                    out.send(new ProducerRecord<>(WordCountJob.INPUT, fixture.randomLine()), (metadata, error) -> {
                        if (error != null) {
                            sendFailures.add(error);
                        }
                    });
                }
                Thread.sleep(SEND_INTERVAL.toMillis());
            }
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watch(KafkaCluster kafka, int outputPartitions) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, outputPartitions)
                    .mapToObj(p -> new TopicPartition(WordCountJob.OUTPUT, p))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (watching.get()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                long now = System.nanoTime();
                long previous = lastArrival.getAndSet(now);
                if (previous > 0 && stoppedAt == 0) {
                    longestPause.accumulateAndGet(now - previous, Math::max);
                }
                outputSeen.addAndGet(records.count());
            }
        }
    }
}
