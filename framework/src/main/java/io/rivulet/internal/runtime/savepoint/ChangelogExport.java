package io.rivulet.internal.runtime.savepoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.internal.graph.SubTopology;
import io.rivulet.internal.graph.Topology;
import io.rivulet.internal.graph.Transformation;
import io.rivulet.internal.runtime.changelog.ChangelogFormat;
import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.internal.state.StateKeys;
import io.rivulet.internal.state.StateNames;
import io.rivulet.state.RocksDbStateBackend;
import io.rivulet.state.StateIterator;
import io.rivulet.state.StateWrite;
import io.rivulet.state.TaskStateStore;
import io.rivulet.state.savepoint.SavepointEntry;
import io.rivulet.state.savepoint.SavepointManifest;
import io.rivulet.state.savepoint.SavepointWriter;
import io.rivulet.state.savepoint.TaskPosition;

/**
 * Writes a savepoint of a job that stands still (every member frozen after a commit) from what Kafka holds: the
 * group's committed offsets and watermarks, and every changelog read up to its end. One process writes it, so
 * only that process needs to reach the target directory. Each changelog partition is first compacted into a
 * temporary local store (a changelog holds every version of a key until Kafka compacts it), then its states
 * are streamed into the savepoint's data files.
 *
 * <p>Keyed entries are written with their record key as partition key and the rest of their stored key as
 * key. Whole-task entries (broadcast, operator state) have no partition key; their key is the task's partition
 * (4 bytes) and the stored key.
 */
final class ChangelogExport {

    private static final Logger LOG = LoggerFactory.getLogger(ChangelogExport.class);

    private final Topology topology;
    private final Map<String, Integer> partitions;
    private final Map<String, Object> kafka;
    private final Path scratch;

    private final Map<String, String> schemas;

    /** @param schemas the Avro writer schemas the application recorded, carried by the savepoint */
    ChangelogExport(
            Topology topology,
            Map<String, Integer> partitions,
            Map<String, Object> kafka,
            Path scratch,
            Map<String, String> schemas) {
        this.topology = topology;
        this.schemas = schemas;
        this.partitions = partitions;
        this.kafka = kafka;
        this.scratch = scratch;
    }

    SavepointManifest write(Path location, String id, Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<String, Object> configs = new HashMap<>(kafka);
        configs.put(ConsumerConfig.CLIENT_ID_CONFIG, topology.applicationId() + "-savepoint-" + id);
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        configs.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        configs.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer =
                        new KafkaConsumer<>(configs, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                SavepointWriter writer = SavepointWriter.create(location, id, topology.applicationId())) {
            schemas.forEach(writer::addSchema);
            for (SubTopology sub : topology.subTopologies()) {
                int count = partitions.get(sub.sourceTopic());
                boolean external = topology.externalSourceTopics().contains(sub.sourceTopic());
                for (int partition = 0; partition < count; partition++) {
                    TopicPartition input = new TopicPartition(sub.sourceTopic(), partition);
                    OffsetAndMetadata offset = committed.get(input);
                    Map<String, Long> offsets =
                            external && offset != null ? Map.of(input.toString(), offset.offset()) : Map.of();
                    writer.addTask(new TaskPosition(
                            new TaskId(sub.id(), partition).toString(),
                            offsets,
                            offset == null || offset.metadata().isEmpty() ? null : offset.metadata()));
                }
                for (Transformation node : sub.statefulNodes()) {
                    exportOperator(consumer, writer, node.uid().orElseThrow(), topology.changelogTopic(node), count);
                }
            }
            return writer.complete();
        } finally {
            deleteRecursively(scratch);
        }
    }

    private void exportOperator(
            KafkaConsumer<byte[], byte[]> consumer, SavepointWriter writer, String uid, String changelog, int count) {
        Path dir = scratch.resolve(uid.replaceAll("[^A-Za-z0-9_.-]", "_"));
        try (RocksDbStateBackend backend = new RocksDbStateBackend(dir)) {
            List<TaskStateStore> stores = new ArrayList<>();
            Set<String> stateNames = new TreeSet<>();
            try {
                long started = System.nanoTime();
                long records = 0;
                for (int partition = 0; partition < count; partition++) {
                    TaskStateStore store = backend.open(Integer.toString(partition));
                    stores.add(store);
                    records += compact(consumer, new TopicPartition(changelog, partition), store, stateNames);
                }
                long compacted = System.nanoTime();
                long entries = 0;
                for (String stateName : stateNames) {
                    try (SavepointWriter.StateOutput output = writer.state(uid, StateNames.nameOf(stateName))) {
                        for (int partition = 0; partition < count; partition++) {
                            entries += writeEntries(stores.get(partition), stateName, partition, output);
                        }
                    }
                }
                LOG.info(
                        "Savepoint of operator {}: {} changelog records read in {} ms, {} entries written in {} ms",
                        uid,
                        records,
                        (compacted - started) / 1_000_000,
                        entries,
                        (System.nanoTime() - compacted) / 1_000_000);
            } finally {
                stores.forEach(TaskStateStore::close);
            }
        }
    }

    /** Returns how many changelog records it read. */
    private static long compact(
            KafkaConsumer<byte[], byte[]> consumer, TopicPartition changelog, TaskStateStore store, Set<String> names) {
        consumer.assign(List.of(changelog));
        consumer.seekToBeginning(List.of(changelog));
        long end = consumer.endOffsets(List.of(changelog)).get(changelog);
        long records = 0;
        while (consumer.position(changelog) < end) {
            List<StateWrite> writes = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record :
                    consumer.poll(Duration.ofMillis(200)).records(changelog)) {
                StateWrite write = ChangelogFormat.decode(record.key(), record.value());
                names.add(write.stateName());
                writes.add(write);
            }
            records += writes.size();
            store.restore(changelog.toString(), writes, consumer.position(changelog));
        }
        return records;
    }

    /** Returns how many entries it wrote. */
    private static long writeEntries(
            TaskStateStore store, String stateName, int partition, SavepointWriter.StateOutput output) {
        boolean wholeTask = StateNames.isWholeTask(stateName);
        long written = 0;
        try (StateIterator entries = store.committedEntries(stateName)) {
            while (entries.hasNext()) {
                Map.Entry<byte[], byte[]> entry = entries.next();
                byte[] key = entry.getKey();
                if (wholeTask) {
                    byte[] withPartition = ByteBuffer.allocate(4 + key.length)
                            .putInt(partition)
                            .put(key)
                            .array();
                    output.write(new SavepointEntry(null, withPartition, entry.getValue()));
                } else {
                    output.write(new SavepointEntry(
                            StateKeys.recordKey(key), StateKeys.afterRecordKey(key), entry.getValue()));
                }
                written++;
            }
        }
        return written;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
