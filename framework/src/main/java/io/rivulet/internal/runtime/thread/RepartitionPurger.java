package io.rivulet.internal.runtime.thread;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the records of repartition topics that a committed transaction has consumed, as Kafka Streams does.
 * Repartition topics keep records forever ({@code retention.ms=-1}) because their timestamps are event time,
 * which may lie far in the past: time retention would delete a backlog before it is read. Deletion runs at most
 * once per interval per stream thread and does not wait for the broker; a failed deletion is retried with the
 * next one.
 */
public final class RepartitionPurger {

    /** Kafka Streams' default {@code repartition.purge.interval.ms}. */
    public static final Duration INTERVAL = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(RepartitionPurger.class);

    private final Admin admin;
    private final Set<String> repartitionTopics;
    private final Duration interval;
    private final Map<TopicPartition, Long> consumed = new HashMap<>();
    private long lastPurgeNanos = System.nanoTime();

    public RepartitionPurger(Admin admin, Set<String> repartitionTopics, Duration interval) {
        this.admin = admin;
        this.repartitionTopics = repartitionTopics;
        this.interval = interval;
    }

    /** Takes note of offsets a transaction committed; purges what they cover if the interval has passed. */
    public void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            if (repartitionTopics.contains(partition.topic())) {
                consumed.put(partition, offset.offset());
            }
        });
        if (consumed.isEmpty() || System.nanoTime() - lastPurgeNanos < interval.toNanos()) {
            return;
        }
        lastPurgeNanos = System.nanoTime();
        Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
        consumed.forEach((partition, offset) -> deletions.put(partition, RecordsToDelete.beforeOffset(offset)));
        consumed.clear();
        admin.deleteRecords(deletions).all().whenComplete((done, error) -> {
            if (error != null) {
                LOG.debug(
                        "Deleting consumed repartition records {} failed; the next purge covers them",
                        deletions.keySet(),
                        error);
            }
        });
    }
}
