package io.rivulet.testkit;

import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces test input and reads committed output. */
public final class TestRecords {

    private TestRecords() {}

    /**
     * Sends {@code key → value} string records (in iteration order) with {@code acks=all} and waits until
     * every one is acknowledged.
     */
    public static void produce(String bootstrapServers, String topic, List<Map.Entry<String, String>> records) {
        produce(settingsOf(bootstrapServers), topic, records);
    }

    /** {@link #produce(String, String, List)} with the given client settings (bootstrap servers, security). */
    public static void produce(Map<String, ?> clientSettings, String topic, List<Map.Entry<String, String>> records) {
        try (KafkaProducer<String, String> producer = stringProducer(clientSettings)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
            for (Map.Entry<String, String> record : records) {
                acks.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "producing to " + topic + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing to " + topic, e);
        }
    }

    /** Sends string values without keys. */
    public static void produceValues(String bootstrapServers, String topic, List<String> values) {
        produceValues(settingsOf(bootstrapServers), topic, values);
    }

    /** Sends string values without keys, with the given client settings. */
    public static void produceValues(Map<String, ?> clientSettings, String topic, List<String> values) {
        List<Map.Entry<String, String>> records = new ArrayList<>(values.size());
        for (String value : values) {
            records.add(new AbstractMap.SimpleEntry<>(null, value));
        }
        produce(clientSettings, topic, records);
    }

    /** A producer of string keys and values with {@code acks=all} and idempotence, to close after use. */
    public static KafkaProducer<String, String> stringProducer(String bootstrapServers) {
        return stringProducer(settingsOf(bootstrapServers));
    }

    /** {@link #stringProducer(String)} with the given client settings. */
    public static KafkaProducer<String, String> stringProducer(Map<String, ?> clientSettings) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** {@link #readCommitted(String, String, int, Duration, Deserializer, Deserializer)} with string keys and values. */
    public static List<ConsumerRecord<String, String>> readCommitted(
            String bootstrapServers, String topic, int count, Duration timeout) {
        return readCommitted(settingsOf(bootstrapServers), topic, count, timeout);
    }

    /** {@link #readCommitted(String, String, int, Duration)} with the given client settings. */
    public static List<ConsumerRecord<String, String>> readCommitted(
            Map<String, ?> clientSettings, String topic, int count, Duration timeout) {
        return readCommitted(clientSettings, topic, count, timeout, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * Reads {@code topic} from the beginning of every partition with {@code isolation.level=read_committed}
     * (no group, no offset commits) until at least {@code count} records arrived or the timeout passes, and
     * returns what it read, in order per partition. It returns early only on reaching {@code count}, so a
     * caller that asserts on the exact count also sees records beyond it that arrived in the same poll.
     */
    public static <K, V> List<ConsumerRecord<K, V>> readCommitted(
            String bootstrapServers,
            String topic,
            int count,
            Duration timeout,
            Deserializer<K> keys,
            Deserializer<V> values) {
        return readCommitted(settingsOf(bootstrapServers), topic, count, timeout, keys, values);
    }

    /** {@link #readCommitted(String, String, int, Duration, Deserializer, Deserializer)} with the given client settings. */
    public static <K, V> List<ConsumerRecord<K, V>> readCommitted(
            Map<String, ?> clientSettings,
            String topic,
            int count,
            Duration timeout,
            Deserializer<K> keys,
            Deserializer<V> values) {
        List<ConsumerRecord<K, V>> result = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(readCommittedProps(clientSettings), keys, values)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (result.size() < count && System.nanoTime() - deadline < 0) {
                consumer.poll(Duration.ofMillis(100)).forEach(result::add);
            }
        }
        return result;
    }

    /**
     * Reads everything committed in {@code topic} right now: up to each partition's last stable offset
     * as seen at the start, with a deadline for the whole read. {@code commitTransaction} returns before
     * the commit markers reach the partitions, so a transaction committed moments ago may not be in the
     * snapshot yet: to wait for output known to come, use {@link #readCommitted}.
     */
    public static List<ConsumerRecord<String, String>> readAllCommitted(
            String bootstrapServers, String topic, Duration timeout) {
        return readAllCommitted(settingsOf(bootstrapServers), topic, timeout);
    }

    /** {@link #readAllCommitted(String, String, Duration)} with the given client settings. */
    public static List<ConsumerRecord<String, String>> readAllCommitted(
            Map<String, ?> clientSettings, String topic, Duration timeout) {
        List<ConsumerRecord<String, String>> result = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                readCommittedProps(clientSettings), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic, timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, ends)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("could not read " + topic + " up to " + ends + " within " + timeout);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(result::add);
            }
        }
        return result;
    }

    /** Waits for the topic's metadata: a topic created moments ago may not be known to every broker yet. */
    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic, Duration timeout) {
        List<TopicPartition> partitions = new ArrayList<>();
        Await.until(timeout, "metadata of topic " + topic, () -> {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(5))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            return !partitions.isEmpty();
        });
        return partitions;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static Map<String, String> settingsOf(String bootstrapServers) {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    private static Properties readCommittedProps(Map<String, ?> clientSettings) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }
}
