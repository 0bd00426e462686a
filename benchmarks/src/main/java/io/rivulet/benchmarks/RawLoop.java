package io.rivulet.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The ceiling: the least any framework on these clients must do, with the same batching and commit interval. */
final class RawLoop {

    private final boolean transactional;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final String output;
    /** The output value of an input value, or {@code null} when the record is dropped. */
    private final UnaryOperator<String> step;

    private volatile boolean running = true;

    RawLoop(boolean transactional, Workload workload, ContenderSettings settings) {
        this.transactional = transactional;
        this.step = step(workload);
        this.output = settings.output();
        Map<String, Object> consumerConfigs = new HashMap<>(settings.clientConfigs());
        consumerConfigs.put(ConsumerConfig.GROUP_ID_CONFIG, settings.applicationId());
        consumerConfigs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfigs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfigs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(consumerConfigs, new StringDeserializer(), new StringDeserializer());
        Map<String, Object> producerConfigs = new HashMap<>(settings.clientConfigs());
        producerConfigs.putAll(ContenderSettings.PRODUCER_TUNING);
        if (transactional) {
            producerConfigs.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.applicationId() + "-0");
        }
        producer = new KafkaProducer<>(producerConfigs, new StringSerializer(), new StringSerializer());
        consumer.subscribe(List.of(settings.input()));
    }

    void run() {
        if (transactional) {
            producer.initTransactions();
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        long lastCommit = System.nanoTime();
        boolean inTransaction = false;
        while (running) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(100));
            for (ConsumerRecord<String, String> record : records) {
                if (transactional && !inTransaction) {
                    producer.beginTransaction();
                    inTransaction = true;
                }
                String value = step.apply(record.value());
                if (value != null) {
                    producer.send(new ProducerRecord<>(output, null, record.timestamp(), record.key(), value));
                }
                offsets.put(
                        new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
            if (System.nanoTime() - lastCommit >= ContenderSettings.COMMIT_INTERVAL.toNanos() && !offsets.isEmpty()) {
                if (transactional) {
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                    producer.commitTransaction();
                    inTransaction = false;
                } else {
                    producer.flush();
                    consumer.commitSync(offsets);
                }
                offsets.clear();
                lastCommit = System.nanoTime();
            }
        }
        producer.close();
        consumer.close();
    }

    /** The same filters and maps as the frameworks run, fused into one step per record. */
    private static UnaryOperator<String> step(Workload workload) {
        return switch (workload) {
            case STATELESS ->
                bid -> {
                    String euros = Transforms.toEuros(bid);
                    return Transforms.evenAuction(euros) ? euros : null;
                };
            case Q0 -> Transforms::passThrough;
            case Q1 -> event -> NexmarkEvents.isBid(event) ? Transforms.bidInEuros(event) : null;
            case Q2 -> event -> Transforms.q2Bid(event) ? Transforms.auctionAndPrice(event) : null;
            default ->
                throw new IllegalArgumentException("the ceiling runs stateless workloads only, not " + workload.id());
        };
    }

    void stop() {
        running = false;
    }
}
