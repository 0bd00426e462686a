package io.rivulet.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the harness asks the broker: loads input, reads end offsets and a group's committed progress. */
final class KafkaProbe implements AutoCloseable {

    private final String bootstrapServers;
    private final Admin admin;

    KafkaProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer());
    }

    /**
     * Appends {@code count} generated values (seeded) to the workload's input topic, record by record over the
     * partitions in turn. Round robin keeps every partition at the same event time, as many producers writing
     * at once would: the sticky partitioner would put seconds of event time into one partition at a time, which
     * a framework with per-task stream time (Kafka Streams) reads as late data and drops.
     */
    void load(Workload workload, String topic, int count, long seed) {
        Random random = new Random(seed);
        try (KafkaProducer<String, String> producer = producer()) {
            int partitions = producer.partitionsFor(topic).size();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, i % partitions, null, workload.value(random, i)));
            }
            producer.flush();
        }
    }

    Map<TopicPartition, Long> endOffsets(String topic, int partitions) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        try {
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e :
                    admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet()) {
                ends.put(e.getKey(), e.getValue().offset());
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
        return ends;
    }

    /** Records in the topics whose names start with {@code prefix} and end with {@code suffix}. */
    long recordsIn(String prefix, String suffix) {
        try {
            List<String> topics = new ArrayList<>();
            for (String name : admin.listTopics().names().get(30, TimeUnit.SECONDS)) {
                if (name.startsWith(prefix) && name.endsWith(suffix)) {
                    topics.add(name);
                }
            }
            long total = 0;
            for (var description : admin.describeTopics(topics)
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .values()) {
                total += endOffsets(description.name(), description.partitions().size()).values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
            }
            return total;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot count records in " + prefix + "*" + suffix, e);
        }
    }

    /** Bytes on the broker's disks in the topics whose names start with {@code prefix} and end with {@code suffix}. */
    long bytesIn(String prefix, String suffix) {
        try {
            List<Integer> brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
                    .map(node -> node.id())
                    .toList();
            long total = 0;
            for (var dirs : admin.describeLogDirs(brokers)
                    .allDescriptions()
                    .get(30, TimeUnit.SECONDS)
                    .values()) {
                for (var dir : dirs.values()) {
                    for (var replica : dir.replicaInfos().entrySet()) {
                        String topic = replica.getKey().topic();
                        if (topic.startsWith(prefix) && topic.endsWith(suffix)) {
                            total += replica.getValue().size();
                        }
                    }
                }
            }
            return total;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot measure the size of " + prefix + "*" + suffix, e);
        }
    }

    /**
     * Polls until the group has committed everything: the input up to {@code ends}, and its repartition topics
     * up to their ends (a committed offset one short of a transactionally written end is the commit marker).
     * Returns that moment (System.nanoTime).
     */
    long awaitCommitted(String group, Map<TopicPartition, Long> ends, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                if (reached(committed, ends, 0) && reached(committed, repartitionEnds(group), 1)) {
                    return System.nanoTime();
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                // The group may not exist yet: poll again.
            }
        }
        throw new IllegalStateException("group " + group + " did not reach " + ends + " within " + timeout);
    }

    private static boolean reached(
            Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> ends, long markerSlack) {
        return ends.entrySet().stream().allMatch(e -> {
            OffsetAndMetadata offset = committed.get(e.getKey());
            return e.getValue() == 0 || (offset != null && offset.offset() >= e.getValue() - markerSlack);
        });
    }

    private Map<TopicPartition, Long> repartitionEnds(String group)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (String topic : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
            if (topic.startsWith(group + "-") && topic.contains("repartition")) {
                int partitions = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(10, TimeUnit.SECONDS)
                        .get(topic)
                        .partitions()
                        .size();
                ends.putAll(endOffsets(topic, partitions));
            }
        }
        return ends;
    }

    void createTopics(Set<String> names, int partitions) {
        try {
            admin.createTopics(names.stream()
                            .map(n -> new org.apache.kafka.clients.admin.NewTopic(n, partitions, (short) 1))
                            .toList())
                    .all()
                    .get(60, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create " + names, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
