package io.rivulet.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end latency: input produced at a fixed rate without lingering, each record stamped with its send
 * time; the latency of an output record is the moment a {@code read_committed} consumer, polling on its own
 * thread, receives it minus that stamp (every contender carries the input timestamp to its output).
 */
final class LatencyProbe {

    private LatencyProbe() {}

    /** Returns the sorted latencies in milliseconds of every output record that arrived. */
    static long[] measure(
            String bootstrapServers, String input, String output, int partitions, int ratePerSecond, Duration duration)
            throws InterruptedException {
        List<Long> latencies = new ArrayList<>();
        AtomicBoolean producing = new AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger expected =
                new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitionList = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                partitionList.add(new TopicPartition(output, p));
            }
            consumer.assign(partitionList);
            consumer.seekToEnd(partitionList);
            partitionList.forEach(consumer::position);
            Thread reader = new Thread(
                    () -> {
                        long deadline = Long.MAX_VALUE;
                        while (latencies.size() < expected.get() && System.nanoTime() < deadline) {
                            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                                latencies.add(System.currentTimeMillis() - record.timestamp());
                            }
                            if (!producing.get() && deadline == Long.MAX_VALUE) {
                                deadline = System.nanoTime()
                                        + Duration.ofSeconds(30).toNanos();
                            }
                        }
                    },
                    "latency-reader");
            reader.start();
            expected.set(produce(bootstrapServers, input, ratePerSecond, duration));
            producing.set(false);
            reader.join();
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Sends at the fixed rate; returns how many outputs the stateless pipeline will emit for it. */
    private static int produce(String bootstrapServers, String input, int ratePerSecond, Duration duration) {
        int expected = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(),
                new StringSerializer())) {
            Random random = new Random(7);
            long total = (long) ratePerSecond * duration.toSeconds();
            long intervalNanos = 1_000_000_000L / ratePerSecond;
            long start = System.nanoTime();
            for (long sent = 0; sent < total; sent++) {
                long due = start + sent * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                String bid = Workload.STATELESS.value(random, sent);
                if (Transforms.evenAuction(bid)) {
                    expected++;
                }
                producer.send(new ProducerRecord<>(input, null, System.currentTimeMillis(), null, bid));
            }
        }
        return expected;
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
