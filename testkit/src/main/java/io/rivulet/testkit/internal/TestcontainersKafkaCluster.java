package io.rivulet.testkit.internal;

import java.util.Map;
import java.util.Set;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.KafkaClusters.DockerUnavailableException;

/**
 * One Apache Kafka node in a container, for machines with a Docker engine. The image is the official
 * {@code apache/kafka} of the same version as the clients. A stopped node is a paused container, so it
 * keeps its address and data.
 */
public final class TestcontainersKafkaCluster implements KafkaCluster {

    /** The image, overridable with this system property. */
    static final String IMAGE_PROPERTY = "rivulet.testkit.kafka-image";

    private static final String DEFAULT_IMAGE =
            "apache/kafka:" + org.apache.kafka.common.utils.AppInfoParser.getVersion();
    private static final int NODE_ID = 1;

    private final KafkaContainer container;
    private boolean closed;

    private TestcontainersKafkaCluster(KafkaContainer container) {
        this.container = container;
    }

    /** Whether a Docker engine answers, as Testcontainers sees it. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static TestcontainersKafkaCluster start(int nodes) {
        if (nodes != 1) {
            throw new IllegalArgumentException(
                    "a Testcontainers cluster has one node; use BrokerMode.PROCESS for three");
        }
        if (!dockerAvailable()) {
            throw new DockerUnavailableException(
                    "rivulet.test.broker=testcontainers needs a Docker engine and none answers");
        }
        KafkaContainer container = new KafkaContainer(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE));
        BrokerProperties.forClusterOf(1)
                .forEach((key, value) -> container.withEnv(
                        "KAFKA_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
        container.start();
        return new TestcontainersKafkaCluster(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public Set<Integer> nodeIds() {
        return Set.of(NODE_ID);
    }

    @Override
    public void createTopic(String name, int partitions, short replicationFactor, Map<String, String> configs) {
        TopicAdmin.createTopic(bootstrapServers(), name, partitions, replicationFactor, configs);
    }

    @Override
    public void stopNode(int nodeId) {
        requireNode(nodeId);
        container
                .getDockerClient()
                .pauseContainerCmd(container.getContainerId())
                .exec();
    }

    @Override
    public void killNode(int nodeId) {
        throw new UnsupportedOperationException("a container node cannot be killed and kept; use BrokerMode.PROCESS");
    }

    @Override
    public void startNode(int nodeId) {
        requireNode(nodeId);
        container
                .getDockerClient()
                .unpauseContainerCmd(container.getContainerId())
                .exec();
        TopicAdmin.awaitBrokers(bootstrapServers(), 1);
    }

    private static void requireNode(int nodeId) {
        if (nodeId != NODE_ID) {
            throw new IllegalArgumentException("no node " + nodeId + " in [" + NODE_ID + "]");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            container.stop();
        }
    }
}
