package io.rivulet.internal.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.graph.SubTopology;
import io.rivulet.internal.graph.Topology;
import io.rivulet.internal.runtime.savepoint.ControlTopic;
import io.rivulet.internal.runtime.task.StreamsFatalException;
import io.rivulet.sink.DeadLetters;

/**
 * Checks the job's user topics and creates its internal ones before any thread starts: repartition topics
 * with the partition count of the (widest) sub-topology that writes them, changelogs compacted with the partition
 * count of their sub-topology, and the dead-letter topic when it is used. An existing internal topic with
 * the wrong shape fails start-up with a message naming it.
 */
public final class InternalTopics {

    private static final Logger LOG = LoggerFactory.getLogger(InternalTopics.class);
    private static final long TIMEOUT_SECONDS = 60;

    private final Admin admin;
    private final RuntimeConfig config;
    private int brokers;

    public InternalTopics(Admin admin, RuntimeConfig config) {
        this.admin = admin;
        this.config = config;
    }

    /**
     * Checks that the cluster grants this service's principal everything the job needs on its input, output and
     * internal topics and its group, before anything is created or started.
     *
     * @throws StreamsFatalException naming every missing permission
     */
    public void checkAccess(Topology topology) {
        Map<String, Set<AclOperation>> internal = new LinkedHashMap<>();
        Set<AclOperation> used = Set.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE_CONFIGS);
        internal.put(ControlTopic.nameFor(config.applicationId()), used);
        for (SubTopology sub : topology.subTopologies()) {
            if (sub.root() instanceof KeyByTransformation) {
                // Consumed repartition records are purged (deleteRecords).
                internal.put(sub.sourceTopic(), Set.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DELETE));
            }
            sub.statefulNodes().forEach(node -> internal.put(topology.changelogTopic(node), used));
        }
        if (config.usesDeadLetters()) {
            internal.put(DeadLetters.topicFor(config.applicationId()), Set.of(AclOperation.WRITE));
        }
        new AccessCheck(admin, config.applicationId())
                .verify(topology.externalSourceTopics(), topology.sinkTopics(), internal);
    }

    /** Creates the application's control topic, through which its instances coordinate savepoints, if missing. */
    public void ensureControlTopic() {
        ensure(
                ControlTopic.nameFor(config.applicationId()),
                1,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** Returns the partition count of every topic the job reads or writes internally. */
    public Map<String, Integer> setUp(Topology topology) {
        Set<String> userTopics = new TreeSet<>(topology.externalSourceTopics());
        userTopics.addAll(topology.sinkTopics());
        if (config.createMissingTopics()) {
            createMissing(userTopics, 1);
        }
        Map<String, Integer> partitions = new HashMap<>(describeUserTopics(userTopics));

        Map<Integer, Integer> subPartitions = new LinkedHashMap<>();
        for (SubTopology sub : topology.subTopologies()) {
            if (sub.root() instanceof KeyByTransformation keyBy) {
                // After a union several sub-topologies write the topic: as many partitions as the widest.
                int upstream = topology.subTopologies().stream()
                        .filter(s -> s.nodes().contains(keyBy) && s.root() != keyBy)
                        .mapToInt(s -> subPartitions.get(s.id()))
                        .max()
                        .orElseThrow();
                // Records carry event time, possibly long past: no time retention; consumed records are purged.
                ensure(sub.sourceTopic(), upstream, Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
                partitions.put(sub.sourceTopic(), upstream);
                subPartitions.put(sub.id(), upstream);
            } else {
                subPartitions.put(sub.id(), partitions.get(sub.sourceTopic()));
            }
            for (var node : sub.statefulNodes()) {
                ensure(
                        topology.changelogTopic(node),
                        subPartitions.get(sub.id()),
                        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
        }
        if (config.usesDeadLetters()) {
            String dlq = DeadLetters.topicFor(config.applicationId());
            createMissing(Set.of(dlq), 1);
        }
        return partitions;
    }

    private Map<String, Integer> describeUserTopics(Set<String> topics) {
        Map<String, Integer> partitions = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String topic : topics) {
            describe(topic)
                    .ifPresentOrElse(d -> partitions.put(topic, d.partitions().size()), () -> missing.add(topic));
        }
        if (!missing.isEmpty()) {
            throw new StreamsFatalException("topic(s) " + missing + " of application " + config.applicationId()
                    + " do not exist: create input and output topics before starting the service");
        }
        return partitions;
    }

    private void ensure(String topic, int partitions, Map<String, String> configs) {
        Optional<TopicDescription> existing = describe(topic);
        if (existing.isEmpty()) {
            create(topic, partitions, configs);
            return;
        }
        int actual = existing.get().partitions().size();
        if (actual != partitions) {
            throw new StreamsFatalException(
                    "internal topic " + topic + " has " + actual + " partitions but the job needs " + partitions
                            + ": the input's partition count changed; reset the application or restore a savepoint");
        }
        String requiredPolicy = configs.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (requiredPolicy != null) {
            String policy = cleanupPolicy(topic);
            if (!policy.contains(requiredPolicy)) {
                throw new StreamsFatalException("internal topic " + topic + " has cleanup.policy=" + policy
                        + " but a changelog must be " + requiredPolicy);
            }
        }
    }

    private void createMissing(Set<String> topics, int partitions) {
        for (String topic : topics) {
            if (describe(topic).isEmpty()) {
                create(topic, partitions, Map.of());
            }
        }
    }

    private void create(String topic, int partitions, Map<String, String> kindConfigs) {
        short replication = config.internalTopics().replicationFactorFor(brokers());
        Map<String, String> configs = config.internalTopics().configsFor(replication, kindConfigs);
        try {
            admin.createTopics(List.of(new NewTopic(
                                    topic,
                                    Optional.of(partitions),
                                    replication < 0 ? Optional.empty() : Optional.of(replication))
                            .configs(configs)))
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info(
                    "Created topic {} with {} partitions, replication factor {} and {}",
                    topic,
                    partitions,
                    replication < 0 ? "of the broker's default" : replication,
                    configs);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new StreamsFatalException(
                        "cannot create topic " + topic + " with replication factor " + replication + " and "
                                + configs + ": " + e.getCause().getMessage() + " (see "
                                + InternalTopicSettings.REPLICATION_FACTOR_KEY + " and "
                                + InternalTopicSettings.CONFIG_PREFIX + "*)",
                        e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw interruptedOrTimedOut("creating topic " + topic, e);
        }
    }

    /** The live brokers of the cluster, asked once: the default replication of internal topics follows them. */
    private int brokers() {
        if (brokers == 0) {
            try {
                brokers = admin.describeCluster()
                        .nodes()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .size();
            } catch (ExecutionException e) {
                throw new StreamsFatalException(
                        "cannot describe the Kafka cluster: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException | TimeoutException e) {
                throw interruptedOrTimedOut("describing the cluster", e);
            }
        }
        return brokers;
    }

    private Optional<TopicDescription> describe(String topic) {
        try {
            return Optional.of(admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new StreamsFatalException(
                    "cannot describe topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw interruptedOrTimedOut("describing topic " + topic, e);
        }
    }

    private String cleanupPolicy(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config topicConfig = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(resource);
            return topicConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        } catch (ExecutionException e) {
            throw new StreamsFatalException(
                    "cannot read the configuration of " + topic + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw interruptedOrTimedOut("reading the configuration of " + topic, e);
        }
    }

    private StreamsFatalException interruptedOrTimedOut(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new StreamsFatalException(
                what + " did not finish within " + TIMEOUT_SECONDS + " s: is "
                        + config.kafka().get("bootstrap.servers") + " reachable?",
                e);
    }
}
