package io.rivulet.internal.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.api.job.JobHealth;
import io.rivulet.api.job.SavepointInfo;
import io.rivulet.internal.graph.JobGraph;
import io.rivulet.internal.graph.Topology;
import io.rivulet.internal.graph.TopologyCompiler;
import io.rivulet.internal.runtime.assignment.AssignmentContext;
import io.rivulet.internal.runtime.assignment.GroupLocations;
import io.rivulet.internal.runtime.assignment.LocalTaskOffsets;
import io.rivulet.internal.runtime.assignment.MemberState;
import io.rivulet.internal.runtime.assignment.RivuletAssignor;
import io.rivulet.internal.runtime.changelog.ChangelogReader;
import io.rivulet.internal.runtime.metrics.CountedRecordOutput;
import io.rivulet.internal.runtime.metrics.RuntimeMetrics;
import io.rivulet.internal.runtime.query.QueryableTasks;
import io.rivulet.internal.runtime.query.StateQueries;
import io.rivulet.internal.runtime.savepoint.ControlRecords;
import io.rivulet.internal.runtime.savepoint.Directive;
import io.rivulet.internal.runtime.savepoint.LocalStateEpoch;
import io.rivulet.internal.runtime.savepoint.SavepointControl;
import io.rivulet.internal.runtime.savepoint.SavepointCoordinator;
import io.rivulet.internal.runtime.savepoint.SavepointRestorer;
import io.rivulet.internal.runtime.state.QueryableStates;
import io.rivulet.internal.runtime.state.RestoredStateSchemas;
import io.rivulet.internal.runtime.task.RecordErrorHandler;
import io.rivulet.internal.runtime.task.TaskFactory;
import io.rivulet.internal.runtime.task.TaskTopology;
import io.rivulet.internal.runtime.thread.RepartitionPurger;
import io.rivulet.internal.runtime.thread.SavepointParticipant;
import io.rivulet.internal.runtime.thread.StreamThread;
import io.rivulet.internal.runtime.thread.TaskStatus;
import io.rivulet.sink.DeadLetters;
import io.rivulet.sink.ProcessingGuarantee;
import io.rivulet.sink.RecordOutput;
import io.rivulet.state.RocksDbStateBackend;
import io.rivulet.state.StateBackend;

/**
 * A running job: the compiled topology, its internal topics and its stream threads. Independent of Quarkus,
 * so that it can be started from plain Java (tests, benchmarks) as well.
 */
public final class StreamsRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRuntime.class);
    /** The leader measures lags inside the rebalance: it must answer well within the group's rebalance timeout. */
    private static final Duration CHANGELOG_ENDS_TIMEOUT = Duration.ofSeconds(10);

    private static final int DEFAULT_HEARTBEAT_INTERVAL_MS = 500;

    private final RuntimeConfig config;
    private final StateBackend stateBackend;
    private final List<StreamThread> streamThreads = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final RuntimeMetrics metrics;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Sets up the internal topics, then deletes consumed repartition records for the stream threads. */
    private final Admin admin;

    private final SavepointControl savepointControl;
    private SavepointCoordinator savepointCoordinator;
    private Topology topology;
    private String processId;
    private GroupLocations locations;
    private AssignmentContext assignmentContext;
    private final QueryableStates queryableStates = new QueryableStates();
    private final QueryableTasks queryableTasks = new QueryableTasks();
    private StateQueries stateQueries;

    private StreamsRuntime(
            RuntimeConfig config,
            StateBackend stateBackend,
            Admin admin,
            SavepointControl control,
            MeterRegistry registry) {
        this.config = config;
        this.metrics = new RuntimeMetrics(registry, Clock.systemUTC());
        this.stateBackend = stateBackend;
        this.admin = admin;
        this.savepointControl = control;
    }

    /**
     * Compiles the job, sets up its topics and starts its stream threads, with its meters in Micrometer's global
     * registry.
     *
     * @param onFatalError called once, from a stream thread, when one fails for good
     */
    public static StreamsRuntime start(RuntimeConfig config, JobGraph graph, Consumer<Throwable> onFatalError) {
        return start(config, graph, Metrics.globalRegistry, onFatalError);
    }

    /**
     * Compiles the job, sets up its topics and starts its stream threads, with its meters in {@code registry}.
     *
     * @param onFatalError called once, from a stream thread, when one fails for good
     */
    public static StreamsRuntime start(
            RuntimeConfig config, JobGraph graph, MeterRegistry registry, Consumer<Throwable> onFatalError) {
        Topology topology = TopologyCompiler.compile(config.applicationId(), graph);
        Admin admin = Admin.create(new HashMap<>(config.kafka()));
        SavepointControl control = null;
        Map<String, Integer> partitions;
        Path applicationDir = config.stateDir().resolve(config.applicationId());
        try {
            InternalTopics topics = new InternalTopics(admin, config);
            topics.checkAccess(topology);
            topics.ensureControlTopic();
            control = new SavepointControl(
                    config.applicationId(), config.kafka(), config.savepoints().timeout());
            control.start();
            new SavepointRestorer(topology, config.kafka(), config.savepoints(), admin, control)
                    .restoreIfConfigured(() -> topics.setUp(topology));
            partitions = topics.setUp(topology);
            LocalStateEpoch.align(applicationDir, control.latestRestore());
        } catch (RuntimeException e) {
            if (control != null) {
                control.close();
            }
            admin.close();
            throw e;
        }
        String processId = ProcessIdentity.loadOrCreate(applicationDir);
        StreamsRuntime runtime =
                new StreamsRuntime(config, new RocksDbStateBackend(applicationDir), admin, control, registry);
        runtime.savepointCoordinator = new SavepointCoordinator(
                control,
                admin,
                topology,
                partitions,
                config.kafka(),
                applicationDir.resolve(LocalStateEpoch.SCRATCH_DIR),
                config.savepoints().timeout());
        runtime.topology = topology;
        runtime.processId = processId;
        runtime.locations = new GroupLocations(processId, config.advertisedUrl());
        runtime.assignmentContext = new AssignmentContext(
                runtime.locations,
                new TaskTopology(topology),
                LocalTaskOffsets.of(runtime.stateBackend),
                runtime::changelogEnds,
                config.assignment());
        runtime.stateQueries = new StateQueries(
                topology, partitions, runtime.queryableStates, runtime.queryableTasks, runtime.locations);
        runtime.startThreads(topology, partitions, processId, onFatalError);
        LOG.info(
                "Application {} started: {} sub-topologies, {} stream thread(s), {}, commit interval {} ms, process {}",
                config.applicationId(),
                topology.subTopologies().size(),
                config.numThreads(),
                config.guarantee().configValue(),
                config.commitInterval().toMillis(),
                processId);
        return runtime;
    }

    private void startThreads(
            Topology topology, Map<String, Integer> partitions, String processId, Consumer<Throwable> onFatalError) {
        RecordErrorHandler errors = new RecordErrorHandler(
                config.deserializationErrors(),
                config.processingErrors(),
                DeadLetters.topicFor(config.applicationId()));
        TaskFactory taskFactory = new TaskFactory(
                topology,
                partitions,
                stateBackend,
                errors,
                InstantSource.system(),
                new RestoredStateSchemas(savepointControl::writerSchemasOf),
                queryableStates);
        AtomicBoolean reported = new AtomicBoolean();
        StreamThread.Settings threadSettings =
                new StreamThread.Settings(config.guarantee(), config.commitInterval(), config.autoWatermarkInterval());
        for (int i = 0; i < config.numThreads(); i++) {
            String name = config.applicationId() + "-StreamThread-" + (i + 1);
            String clientId = config.applicationId() + "-" + processId + "-" + (i + 1);
            MemberState replicas = new MemberState();
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                    consumerConfigs(clientId, i, replicas), new ByteArrayDeserializer(), new ByteArrayDeserializer());
            KafkaConsumer<byte[], byte[]> restoreConsumer = new KafkaConsumer<>(
                    restoreConsumerConfigs(clientId), new ByteArrayDeserializer(), new ByteArrayDeserializer());
            RecordOutput output = new CountedRecordOutput(
                    RecordOutput.create(config.guarantee(), producerConfigs(), clientId),
                    metrics,
                    topology.sinkTopics(),
                    Clock.systemUTC());
            StreamThread streamThread = new StreamThread(
                    name,
                    threadSettings,
                    topology.allSourceTopics(),
                    consumer,
                    output,
                    new ChangelogReader(restoreConsumer, metrics),
                    taskFactory,
                    metrics,
                    new RepartitionPurger(
                            admin, Set.copyOf(topology.repartitionTopics().values()), RepartitionPurger.INTERVAL),
                    new SavepointParticipant(
                            name,
                            savepointControl,
                            topology.externalSourceTopics(),
                            Set.copyOf(topology.repartitionTopics().values())),
                    queryableTasks,
                    replicas,
                    assignmentContext.offsets(),
                    config.assignment());
            Thread thread = new Thread(
                    () -> {
                        streamThread.run();
                        if (streamThread.failure() != null && !closed.get() && reported.compareAndSet(false, true)) {
                            onFatalError.accept(streamThread.failure());
                        }
                    },
                    name);
            streamThreads.add(streamThread);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** Where the changelogs end for a read_committed reader (their last stable offsets), for the group's leader. */
    private Map<TopicPartition, Long> changelogEnds(Set<TopicPartition> changelogs) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        changelogs.forEach(changelog -> latest.put(changelog, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get(CHANGELOG_ENDS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((changelog, info) -> ends.put(changelog, info.offset()));
        return ends;
    }

    private Map<String, Object> consumerConfigs(String clientId, int threadIndex, MemberState replicas) {
        Map<String, Object> configs = new HashMap<>(config.kafka());
        configs.put(ConsumerConfig.GROUP_ID_CONFIG, config.applicationId());
        configs.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-consumer");
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configs.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Members learn that the group rebalances from a heartbeat's answer, and stop committing until it completed:
        // the clients' 3 s would stop every task for seconds at each rebalance, twice when a task moves.
        configs.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, DEFAULT_HEARTBEAT_INTERVAL_MS);
        configs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        configs.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RivuletAssignor.class.getName());
        configs.put(RivuletAssignor.CONTEXT_CONFIG, assignmentContext);
        configs.put(RivuletAssignor.REPLICAS_CONFIG, replicas);
        config.groupInstanceId()
                .ifPresent(id -> configs.put(
                        ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, threadIndex == 0 ? id : id + "-" + (threadIndex + 1)));
        return configs;
    }

    private Map<String, Object> restoreConsumerConfigs(String clientId) {
        Map<String, Object> configs = new HashMap<>(config.kafka());
        configs.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-restore-consumer");
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        configs.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        return configs;
    }

    private Map<String, Object> producerConfigs() {
        Map<String, Object> configs = new HashMap<>(config.kafka());
        if (config.guarantee() == ProcessingGuarantee.EXACTLY_ONCE) {
            // A crashed instance that never returns blocks read_committed readers until its transaction times out.
            configs.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
        }
        return configs;
    }

    /** The threads' states, the tasks' watermarks and the records restored, for health output. */
    public JobHealth health() {
        Directive directive = savepointControl.directive();
        return HealthSnapshot.of(
                streamThreads,
                metrics,
                directive.kind() == Directive.Kind.STOPPED ? Optional.of(directive.savepointId()) : Optional.empty());
    }

    /**
     * Starts a savepoint of the whole job (every instance of the group) into a new directory under
     * {@code targetDirectory}; with {@code stop} the job stops once it is complete.
     *
     * @return the savepoint's id, for {@link #savepoint(String)}
     */
    public String triggerSavepoint(Path targetDirectory, boolean stop) {
        return savepointCoordinator.trigger(targetDirectory, stop);
    }

    /** A savepoint taken by any instance of the group. */
    public Optional<SavepointInfo> savepoint(String id) {
        return savepointControl.status(id).map(StreamsRuntime::info);
    }

    /** Every savepoint the group requested, newest first. */
    public List<SavepointInfo> savepoints() {
        return savepointControl.all().stream().map(StreamsRuntime::info).toList();
    }

    private static SavepointInfo info(ControlRecords.SavepointStatus status) {
        return new SavepointInfo(
                status.id(),
                SavepointInfo.Status.valueOf(status.status().name()),
                Instant.ofEpochMilli(status.requestedAt()),
                Optional.ofNullable(status.location()),
                Optional.ofNullable(status.failure()),
                status.stop());
    }

    /** This instance's id in the group, kept in its state directory. */
    public String processId() {
        return processId;
    }

    /** Interactive queries of the job's keyed state, answered here or routed to the instance that holds a key. */
    public StateQueries stateQueries() {
        return stateQueries;
    }

    /** Where the group's partitions are, as the latest assignment says. */
    public GroupLocations locations() {
        return locations;
    }

    /** This instance's tasks, by id, as of their stream threads' last periodic emission. */
    public List<TaskStatus> tasks() {
        List<TaskStatus> all = new ArrayList<>();
        streamThreads.forEach(thread -> all.addAll(thread.snapshot().tasks()));
        all.sort(java.util.Comparator.comparing(TaskStatus::id));
        return all;
    }

    /** The group's instances and their tasks, as the group coordinator describes them. */
    public GroupView group(Duration timeout) throws ExecutionException, InterruptedException, TimeoutException {
        return GroupView.describe(admin, topology, locations, timeout);
    }

    /** Every task's event-time watermark, by task id, as of the last periodic emission. */
    public Map<String, Long> watermarks() {
        Map<String, Long> all = new TreeMap<>();
        streamThreads.forEach(thread -> all.putAll(thread.snapshot().watermarks()));
        return all;
    }

    /** The compiled job: its operators, sub-topologies and internal topics. */
    public Topology topology() {
        return topology;
    }

    public RuntimeMetrics metrics() {
        return metrics;
    }

    public RuntimeConfig config() {
        return config;
    }

    /** Commits, closes every task cleanly, leaves the group and closes the stores. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        savepointCoordinator.close();
        streamThreads.forEach(StreamThread::shutdown);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stateBackend.close();
        savepointControl.close();
        admin.close();
        LOG.info("Application {} stopped", config.applicationId());
    }
}
