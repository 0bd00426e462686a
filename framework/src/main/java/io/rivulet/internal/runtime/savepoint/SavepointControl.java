package io.rivulet.internal.runtime.savepoint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.internal.runtime.savepoint.ControlRecords.MemberReport;
import io.rivulet.internal.runtime.savepoint.ControlRecords.Phase;
import io.rivulet.internal.runtime.savepoint.ControlRecords.RestoreMarker;
import io.rivulet.internal.runtime.savepoint.ControlRecords.SavepointStatus;
import io.rivulet.internal.runtime.savepoint.ControlRecords.StateWriterSchemas;
import io.rivulet.internal.runtime.savepoint.ControlRecords.Status;
import io.rivulet.internal.runtime.savepoint.ControlRecords.WriterSchema;
import io.rivulet.internal.runtime.task.StreamsFatalException;
import io.rivulet.internal.serde.WriterSchemas;

/**
 * One instance's view of the control topic: it reads the topic from the beginning and keeps following it, so it
 * knows every savepoint's status, the members' reports and the restores, and from them the {@link Directive} its
 * stream threads follow. It also writes to the topic (statuses, reports). Every instance of the group sees the
 * same records in the same order, which is all the coordination savepoints need.
 */
public final class SavepointControl implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SavepointControl.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final TopicPartition partition;
    private final Duration timeout;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Map<String, SavepointStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, MemberReport> reports = new ConcurrentHashMap<>();
    private final Map<String, Long> restores = new ConcurrentHashMap<>();
    private final Map<String, Long> statusOffsets = new ConcurrentHashMap<>();
    private final Map<String, String> schemas = new ConcurrentHashMap<>();
    private final Map<String, List<String>> stateSchemas = new ConcurrentHashMap<>();
    private final Consumer<Schema> schemaPublisher = this::publishSchema;
    private final Thread follower;
    private volatile Directive directive = Directive.RUN;
    /** The statuses as of the last directive: a caller that sees a savepoint completed sees the job stopped too. */
    private volatile Map<String, SavepointStatus> published = Map.of();

    private volatile long readUpTo;
    private volatile boolean running = true;

    public SavepointControl(String applicationId, Map<String, Object> kafka, Duration timeout) {
        this.partition = ControlTopic.partitionFor(applicationId);
        this.timeout = timeout;
        Map<String, Object> consumerConfigs = new HashMap<>(kafka);
        consumerConfigs.put(
                ConsumerConfig.CLIENT_ID_CONFIG,
                applicationId + "-control-reader-" + ProcessHandle.current().pid());
        consumerConfigs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfigs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfigs.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(consumerConfigs, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> producerConfigs = new HashMap<>(kafka);
        producerConfigs.put(
                ProducerConfig.CLIENT_ID_CONFIG,
                applicationId + "-control-writer-" + ProcessHandle.current().pid());
        producerConfigs.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfigs.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(producerConfigs, new ByteArraySerializer(), new ByteArraySerializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        this.follower = new Thread(this::follow, applicationId + "-control-follower");
        this.follower.setDaemon(true);
    }

    /** Reads the control topic up to its current end, then keeps following it in the background. */
    public void start() {
        readToEnd();
        follower.start();
        WriterSchemas.addListener(schemaPublisher);
    }

    /** The Avro writer schemas the application recorded: fingerprint → schema JSON. */
    public Map<String, String> schemas() {
        return Map.copyOf(schemas);
    }

    /** The writer schemas a restore recorded for a state (fingerprints); empty if none. */
    public List<String> writerSchemasOf(String stateName) {
        return stateSchemas.getOrDefault(stateName, List.of());
    }

    /** Records a schema a serde of this process starts writing with, before its first value is written. */
    private void publishSchema(Schema schema) {
        String fingerprint = WriterSchemas.hex(WriterSchemas.fingerprint(schema));
        if (schemas.putIfAbsent(fingerprint, schema.toString()) == null) {
            send(WriterSchema.key(fingerprint), new WriterSchema(fingerprint, schema.toString()));
        }
    }

    /** What the stream threads are to do now. */
    public Directive directive() {
        return directive;
    }

    public Optional<SavepointStatus> status(String savepointId) {
        return Optional.ofNullable(published.get(savepointId));
    }

    /** Every savepoint the group requested, newest first. */
    public List<SavepointStatus> all() {
        return published.values().stream()
                .sorted(Comparator.comparingLong(SavepointStatus::requestedAt)
                        .reversed()
                        .thenComparing(SavepointStatus::id))
                .toList();
    }

    /**
     * The savepoint the group works on: of those in progress (and younger than the timeout), the one requested
     * first — every instance sees the same records, so they agree on it.
     */
    public Optional<SavepointStatus> active() {
        long now = System.currentTimeMillis();
        return statuses.values().stream()
                .filter(status -> status.status() == Status.IN_PROGRESS)
                .filter(status -> now - status.requestedAt() < timeout.toMillis())
                .min(Comparator.comparingLong(SavepointStatus::requestedAt).thenComparing(SavepointStatus::id));
    }

    /** Whether the application restored this savepoint already. */
    public boolean restored(String savepointId) {
        return restores.containsKey(savepointId);
    }

    /**
     * Identifies the latest restore of the application (the control offset of its marker), or -1 if it never
     * restored one: local state older than it belongs to changelogs that the restore replaced.
     */
    public long latestRestore() {
        return restores.values().stream().mapToLong(Long::longValue).max().orElse(-1L);
    }

    /** The reports of one phase of one round of a savepoint, by member id. */
    public Map<String, MemberReport> reports(String savepointId, int round, Phase phase) {
        Map<String, MemberReport> found = new HashMap<>();
        String prefix = "report/" + savepointId + "/" + round + "/" + phase + "/";
        reports.forEach((key, report) -> {
            if (key.startsWith(prefix)) {
                found.put(report.member(), report);
            }
        });
        return found;
    }

    public void publish(SavepointStatus status) {
        send(SavepointStatus.key(status.id()), status);
        awaitRead();
    }

    public void report(MemberReport report) {
        send(MemberReport.key(report.savepointId(), report.round(), report.phase(), report.member()), report);
    }

    /** Blocks until what this instance wrote so far is read back (so its own directive reflects it). */
    private void awaitRead() {
        long end = endOffset();
        long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
        while (readUpTo < end && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Deletes (by tombstones, the control topic being compacted) the members' reports of a finished savepoint,
     * lest they pile up in the topic; its status stays.
     */
    public void forgetReports(String savepointId) {
        String prefix = "report/" + savepointId + "/";
        for (String key : List.copyOf(reports.keySet())) {
            if (key.startsWith(prefix)) {
                send(key, null);
            }
        }
    }

    private void send(String key, Object value) {
        try {
            producer.send(new ProducerRecord<>(
                            partition.topic(),
                            partition.partition(),
                            key.getBytes(StandardCharsets.UTF_8),
                            value == null ? null : ControlTopic.encode(value)))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamsFatalException("interrupted while writing to " + partition.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StreamsFatalException("cannot write to the control topic " + partition.topic() + ": " + e, e);
        }
    }

    private long endOffset() {
        synchronized (consumer) {
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private void readToEnd() {
        long end = endOffset();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (readUpTo < end) {
            if (System.nanoTime() > deadline) {
                throw new StreamsFatalException("cannot read the control topic " + partition.topic()
                        + " up to its end (" + end + ") within 60 s");
            }
            pollOnce(Duration.ofMillis(100));
        }
        updateDirective();
    }

    private void follow() {
        try {
            while (running) {
                pollOnce(Duration.ofMillis(100));
                updateDirective();
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("Following the control topic {} stopped", partition.topic(), e);
            }
        } catch (RuntimeException e) {
            LOG.error("Following the control topic {} failed", partition.topic(), e);
        }
    }

    private void pollOnce(Duration wait) {
        List<ConsumerRecord<byte[], byte[]>> polled = new ArrayList<>();
        synchronized (consumer) {
            consumer.poll(wait).records(partition).forEach(polled::add);
            readUpTo = consumer.position(partition);
        }
        for (ConsumerRecord<byte[], byte[]> record : polled) {
            apply(record);
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            reports.remove(key);
            return;
        }
        try {
            if (key.startsWith("savepoint/")) {
                SavepointStatus status = ControlTopic.decode(record.value(), SavepointStatus.class);
                SavepointStatus known = statuses.get(status.id());
                // A completed savepoint stays completed, whatever a coordinator cut short writes after.
                if (known == null || known.status() != Status.COMPLETED) {
                    statuses.put(status.id(), status);
                    statusOffsets.put(status.id(), record.offset());
                    updateDirective();
                }
            } else if (key.startsWith("report/")) {
                reports.put(key, ControlTopic.decode(record.value(), MemberReport.class));
            } else if (key.startsWith("schema/")) {
                WriterSchema schema = ControlTopic.decode(record.value(), WriterSchema.class);
                schemas.put(schema.fingerprint(), schema.schema());
                WriterSchemas.learn(new Schema.Parser().parse(schema.schema()));
            } else if (key.startsWith("state-schemas/")) {
                StateWriterSchemas writers = ControlTopic.decode(record.value(), StateWriterSchemas.class);
                stateSchemas.put(writers.state(), List.copyOf(writers.fingerprints()));
            } else if (key.startsWith("restore/")) {
                RestoreMarker marker = ControlTopic.decode(record.value(), RestoreMarker.class);
                restores.put(marker.savepointId(), record.offset());
            }
        } catch (RuntimeException e) {
            LOG.warn("Skipping control record {} at offset {}: {}", key, record.offset(), e.getMessage());
        }
    }

    /**
     * A savepoint in progress (not older than the timeout, lest a coordinator that died hold the job forever)
     * pauses the job; otherwise the job is stopped if the last thing that happened is a savepoint with stop.
     */
    private void updateDirective() {
        Directive next = Directive.RUN;
        Optional<SavepointStatus> active = active();
        if (active.isPresent()) {
            SavepointStatus status = active.get();
            next = new Directive(
                    status.phase() == Phase.FREEZE ? Directive.Kind.FREEZE : Directive.Kind.DRAIN,
                    status.id(),
                    status.round());
        } else {
            long stoppedAt = -1;
            for (SavepointStatus status : statuses.values()) {
                long offset = statusOffsets.getOrDefault(status.id(), -1L);
                if (status.status() == Status.COMPLETED
                        && status.stop()
                        && offset > stoppedAt
                        && offset > latestRestore()) {
                    stoppedAt = offset;
                    next = new Directive(Directive.Kind.STOPPED, status.id(), status.round());
                }
            }
        }
        if (!next.equals(directive)) {
            LOG.info("Savepoint control: {} → {}", describe(directive), describe(next));
            directive = next;
        }
        published = Map.copyOf(statuses);
    }

    private static String describe(Directive directive) {
        return directive.savepointId() == null
                ? directive.kind().toString()
                : directive.kind() + " (savepoint " + directive.savepointId() + ", round " + directive.round() + ")";
    }

    @Override
    public void close() {
        WriterSchemas.removeListener(schemaPublisher);
        running = false;
        consumer.wakeup();
        try {
            follower.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (consumer) {
            consumer.close(Duration.ofSeconds(5));
        }
        producer.close(Duration.ofSeconds(5));
    }
}
