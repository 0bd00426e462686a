package io.rivulet.internal.runtime.savepoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.internal.graph.SubTopology;
import io.rivulet.internal.graph.Topology;
import io.rivulet.internal.graph.Transformation;
import io.rivulet.internal.runtime.changelog.ChangelogFormat;
import io.rivulet.internal.runtime.savepoint.ControlRecords.RestoreMarker;
import io.rivulet.internal.runtime.savepoint.ControlRecords.StateWriterSchemas;
import io.rivulet.internal.runtime.savepoint.ControlRecords.WriterSchema;
import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.internal.runtime.task.StreamsFatalException;
import io.rivulet.internal.serde.WriterSchemas;
import io.rivulet.internal.state.StateKeys;
import io.rivulet.internal.state.StateNames;
import io.rivulet.state.savepoint.SavepointManifest;
import io.rivulet.state.savepoint.SavepointReader;
import io.rivulet.state.savepoint.TaskPosition;

/**
 * Starts an application from a savepoint, once. Every instance may be started with the same
 * {@code restore-from}: they elect one of them through a consumer group of their own on the control topic,
 * and the elected one replaces the job's internal topics (with the partition counts the inputs have now),
 * writes the savepoint's state into the new changelogs — every keyed entry to the task its key belongs to now —
 * and commits the group's offsets, all in one Kafka transaction with the marker that says the restore is done.
 * A restorer that dies leaves nothing half-done: its transaction is aborted, another instance is elected and
 * starts over. The others wait for the marker, then start the job as usual.
 */
public final class SavepointRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(SavepointRestorer.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration WAIT_LOG_INTERVAL = Duration.ofSeconds(10);

    private final Topology topology;
    private final Map<String, Object> kafka;
    private final SavepointSettings settings;
    private final Admin admin;
    private final SavepointControl control;

    public SavepointRestorer(
            Topology topology,
            Map<String, Object> kafka,
            SavepointSettings settings,
            Admin admin,
            SavepointControl control) {
        this.topology = topology;
        this.kafka = kafka;
        this.settings = settings;
        this.admin = admin;
        this.control = control;
    }

    /**
     * Restores the configured savepoint unless the application did already.
     *
     * @param setUpTopics creates the job's internal topics for the input partition counts of now, returning the
     *     partition count of every topic
     */
    public void restoreIfConfigured(Supplier<Map<String, Integer>> setUpTopics) {
        if (settings.restoreFrom().isEmpty()) {
            return;
        }
        Path location = settings.restoreFrom().get();
        SavepointReader savepoint = SavepointReader.open(location);
        SavepointManifest manifest = savepoint.manifest();
        if (control.restored(manifest.id())) {
            LOG.info(
                    "Savepoint {} ({}) was restored into application {} already; not restoring it again"
                            + " (rivulet.savepoint.restore-from can stay set)",
                    manifest.id(),
                    location,
                    topology.applicationId());
            return;
        }
        Map<String, String> changelogByUid = checkOperators(manifest);
        try (KafkaConsumer<byte[], byte[]> election = electionConsumer()) {
            election.subscribe(List.of(ControlTopic.nameFor(topology.applicationId())));
            long nextLog = System.nanoTime();
            while (!control.restored(manifest.id())) {
                election.poll(Duration.ofMillis(200));
                if (election.assignment().contains(ControlTopic.partitionFor(topology.applicationId()))) {
                    restore(savepoint, changelogByUid, setUpTopics);
                    awaitMarkerRead(manifest.id());
                    break;
                }
                if (System.nanoTime() >= nextLog) {
                    LOG.info(
                            "Waiting for another instance to restore savepoint {} into application {}",
                            manifest.id(),
                            topology.applicationId());
                    nextLog = System.nanoTime() + WAIT_LOG_INTERVAL.toNanos();
                }
            }
        }
    }

    /** This instance goes on only once its own view of the control topic has the restore, as the others' will. */
    private void awaitMarkerRead(String savepointId) {
        long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
        while (!control.restored(savepointId)) {
            if (System.nanoTime() > deadline) {
                throw new StreamsFatalException("the restore of " + savepointId + " committed, but the control topic"
                        + " did not show it within " + TOPIC_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StreamsFatalException("interrupted while waiting for the restore marker", e);
            }
        }
    }

    /**
     * Matches the savepoint's operators with the job's by uid: the changelog of each operator to restore, and a
     * refusal naming every state whose operator is gone, unless non-restored state is allowed.
     */
    private Map<String, String> checkOperators(SavepointManifest manifest) {
        Map<String, String> changelogByUid = new HashMap<>();
        Set<String> unmatched = new TreeSet<>();
        for (SavepointManifest.State state : manifest.states()) {
            String changelog = topology.changelogTopics().get(state.operatorUid());
            if (changelog == null) {
                unmatched.add("operator uid '" + state.operatorUid() + "' state '" + state.name() + "'");
            } else {
                changelogByUid.put(state.operatorUid(), changelog);
            }
        }
        if (!unmatched.isEmpty()) {
            if (!settings.allowNonRestoredState()) {
                throw new StreamsFatalException("savepoint " + manifest.id() + " holds state that no operator of the"
                        + " job takes: " + unmatched + ". Give the operator its uid back, or set"
                        + " rivulet.savepoint.allow-non-restored-state=true to start without that state");
            }
            LOG.warn(
                    "Savepoint {}: not restoring {}, whose operators the job no longer has"
                            + " (rivulet.savepoint.allow-non-restored-state=true)",
                    manifest.id(),
                    unmatched);
        }
        return changelogByUid;
    }

    private void restore(
            SavepointReader savepoint, Map<String, String> changelogByUid, Supplier<Map<String, Integer>> setUpTopics) {
        SavepointManifest manifest = savepoint.manifest();
        long started = System.nanoTime();
        LOG.info("Restoring savepoint {} into application {}", manifest.id(), topology.applicationId());
        try (KafkaProducer<byte[], byte[]> producer = restoreProducer()) {
            // Fences a restorer elected before this one that is still writing; aborts what a dead one left open.
            producer.initTransactions();
            deleteInternalTopics();
            Map<String, Integer> partitions = setUpTopics.get();
            producer.beginTransaction();
            long entries = 0;
            for (SavepointManifest.State state : manifest.states()) {
                String changelog = changelogByUid.get(state.operatorUid());
                if (changelog != null) {
                    int tasks = partitions.get(sourceTopicOf(state.operatorUid()));
                    entries += writeState(producer, savepoint, state, changelog, tasks);
                }
            }
            producer.sendOffsetsToTransaction(
                    offsets(manifest, partitions),
                    new ConsumerGroupMetadata(topology.applicationId(), -1, "", Optional.empty()));
            TopicPartition controlPartition = ControlTopic.partitionFor(topology.applicationId());
            recordWriterSchemas(producer, controlPartition, manifest);
            sendControl(
                    producer,
                    controlPartition,
                    RestoreMarker.key(manifest.id()),
                    new RestoreMarker(manifest.id(), savepoint.directory().toString(), System.currentTimeMillis()));
            producer.commitTransaction();
            LOG.info(
                    "Restored savepoint {} into application {} in {} ms: {} entries",
                    manifest.id(),
                    topology.applicationId(),
                    (System.nanoTime() - started) / 1_000_000,
                    entries);
        }
    }

    /**
     * Carries the savepoint's Avro writer schemas into the application, and which of them each state's values were
     * written with, so that the states' serdes resolve old values and are checked when they open.
     */
    private void recordWriterSchemas(
            KafkaProducer<byte[], byte[]> producer, TopicPartition control, SavepointManifest manifest) {
        manifest.schemas().forEach((fingerprint, schema) -> {
            WriterSchemas.learn(new Schema.Parser().parse(schema));
            sendControl(producer, control, WriterSchema.key(fingerprint), new WriterSchema(fingerprint, schema));
        });
        for (SavepointManifest.State state : manifest.states()) {
            String stateName = StateNames.of(state.operatorUid(), state.name());
            sendControl(
                    producer,
                    control,
                    StateWriterSchemas.key(stateName),
                    new StateWriterSchemas(stateName, state.writerSchemas()));
        }
    }

    private static void sendControl(
            KafkaProducer<byte[], byte[]> producer, TopicPartition control, String key, Object value) {
        producer.send(new ProducerRecord<>(
                control.topic(),
                control.partition(),
                key.getBytes(StandardCharsets.UTF_8),
                ControlTopic.encode(value)));
    }

    /** The topic the operator's sub-topology reads: its task count is that topic's partition count. */
    private String sourceTopicOf(String uid) {
        for (SubTopology sub : topology.subTopologies()) {
            for (Transformation node : sub.statefulNodes()) {
                if (node.uid().orElseThrow().equals(uid)) {
                    return sub.sourceTopic();
                }
            }
        }
        throw new IllegalArgumentException("no stateful operator has uid " + uid);
    }

    private long writeState(
            KafkaProducer<byte[], byte[]> producer,
            SavepointReader savepoint,
            SavepointManifest.State state,
            String changelog,
            int tasks) {
        String stateName = StateNames.of(state.operatorUid(), state.name());
        boolean wholeTask = StateNames.isWholeTask(stateName);
        boolean broadcast = StateNames.isBroadcast(stateName);
        long[] written = {0};
        savepoint.forEach(state, entry -> {
            if (!wholeTask) {
                byte[] storedKey = StateKeys.namespaced(entry.partitionKey(), entry.key());
                int partition = Utils.toPositive(Utils.murmur2(entry.partitionKey())) % tasks;
                send(producer, changelog, partition, stateName, storedKey, entry.value());
                written[0]++;
                return;
            }
            ByteBuffer key = ByteBuffer.wrap(entry.key());
            int taskPartition = key.getInt();
            byte[] storedKey = new byte[key.remaining()];
            key.get(storedKey);
            if (broadcast) {
                // The same on every task: the copy of task 0 goes to every task of any count.
                if (taskPartition == 0) {
                    for (int partition = 0; partition < tasks; partition++) {
                        send(producer, changelog, partition, stateName, storedKey, entry.value());
                    }
                    written[0]++;
                }
            } else if (taskPartition < tasks) {
                send(producer, changelog, taskPartition, stateName, storedKey, entry.value());
                written[0]++;
            } else {
                throw new StreamsFatalException("operator state '" + state.name() + "' of operator uid '"
                        + state.operatorUid() + "' belongs to task partition " + taskPartition
                        + ", but the job now has " + tasks + " tasks there: operator state cannot be restored onto"
                        + " fewer tasks");
            }
        });
        return written[0];
    }

    private static void send(
            KafkaProducer<byte[], byte[]> producer,
            String changelog,
            int partition,
            String stateName,
            byte[] storedKey,
            byte[] value) {
        producer.send(new ProducerRecord<>(changelog, partition, ChangelogFormat.key(stateName, storedKey), value));
    }

    /**
     * Input partitions resume where the savepoint stood; partitions added since start at their beginning.
     * Repartition topics are new and empty. A task keeps its watermark where its sub-topology kept its task count.
     */
    private Map<TopicPartition, OffsetAndMetadata> offsets(
            SavepointManifest manifest, Map<String, Integer> partitions) {
        Map<String, TaskPosition> positions = new HashMap<>();
        Map<String, Long> savedOffsets = new HashMap<>();
        Map<Integer, Integer> oldTaskCounts = new HashMap<>();
        for (TaskPosition task : manifest.tasks()) {
            savedOffsets.putAll(task.inputOffsets());
            // Savepoints written offline (SavepointBuilder) name no real task: only their offsets count.
            if (task.task().matches("\\d+_\\d+")) {
                positions.put(task.task(), task);
                oldTaskCounts.merge(
                        Integer.parseInt(task.task().substring(0, task.task().indexOf('_'))), 1, Integer::sum);
            }
        }
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (SubTopology sub : topology.subTopologies()) {
            int count = partitions.get(sub.sourceTopic());
            boolean external = topology.externalSourceTopics().contains(sub.sourceTopic());
            boolean sameCount = oldTaskCounts.getOrDefault(sub.id(), -1) == count;
            for (int p = 0; p < count; p++) {
                TopicPartition input = new TopicPartition(sub.sourceTopic(), p);
                TaskPosition position = positions.get(new TaskId(sub.id(), p).toString());
                String watermark = sameCount && position != null ? position.watermark() : null;
                Long offset = savedOffsets.get(input.toString());
                if (external && offset == null) {
                    earliest.put(input, OffsetSpec.earliest());
                } else {
                    offsets.put(input, new OffsetAndMetadata(external ? offset : 0L, watermark));
                }
            }
        }
        if (!earliest.isEmpty()) {
            try {
                admin.listOffsets(earliest)
                        .all()
                        .get(TOPIC_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                        .forEach((partition, info) -> offsets.put(partition, new OffsetAndMetadata(info.offset())));
            } catch (Exception e) {
                throw new StreamsFatalException("cannot list the earliest offsets of " + earliest.keySet(), e);
            }
        }
        return offsets;
    }

    /** Deletes the job's repartition topics and changelogs, to be created again for the partition counts of now. */
    private void deleteInternalTopics() {
        Set<String> internal = new TreeSet<>(topology.repartitionTopics().values());
        internal.addAll(topology.changelogTopics().values());
        try {
            Set<String> existing =
                    new TreeSet<>(admin.listTopics().names().get(TOPIC_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            existing.retainAll(internal);
            if (existing.isEmpty()) {
                return;
            }
            admin.deleteTopics(existing).all().get(TOPIC_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TOPIC_TIMEOUT.toNanos();
            while (!gone(existing)) {
                if (System.nanoTime() > deadline) {
                    throw new StreamsFatalException(
                            "the topics " + existing + " were not deleted within " + TOPIC_TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(100);
            }
            LOG.info("Deleted the internal topics {} to create them anew for the restore", existing);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw new StreamsFatalException(
                        "cannot delete the internal topics " + internal + ": "
                                + e.getCause().getMessage(),
                        e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsFatalException("interrupted while deleting the internal topics", e);
        } catch (TimeoutException e) {
            throw new StreamsFatalException("deleting the internal topics " + internal + " timed out", e);
        }
    }

    private boolean gone(Set<String> topics) throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> names = admin.listTopics().names().get(TOPIC_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<String> left = new ArrayList<>(topics);
        left.retainAll(names);
        return left.isEmpty();
    }

    private KafkaConsumer<byte[], byte[]> electionConsumer() {
        Map<String, Object> configs = new HashMap<>(kafka);
        configs.put(ConsumerConfig.GROUP_ID_CONFIG, topology.applicationId() + "-savepoint-restore");
        configs.put(
                ConsumerConfig.CLIENT_ID_CONFIG,
                topology.applicationId() + "-savepoint-election-"
                        + ProcessHandle.current().pid());
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A restorer that dies hands over within seconds; a long restore must not count as a dead consumer.
        configs.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000);
        configs.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        configs.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int)
                Duration.ofHours(1).toMillis());
        configs.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        return new KafkaConsumer<>(configs, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> restoreProducer() {
        Map<String, Object> configs = new HashMap<>(kafka);
        configs.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topology.applicationId() + "-savepoint-restore");
        configs.put(ProducerConfig.CLIENT_ID_CONFIG, topology.applicationId() + "-savepoint-restore");
        configs.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int)
                Math.min(settings.timeout().toMillis(), Duration.ofMinutes(15).toMillis()));
        configs.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        configs.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return new KafkaProducer<>(configs, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
