package io.rivulet.testkit.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.testkit.KafkaCluster;

/**
 * A KRaft cluster inside this JVM, built on Kafka's own {@link KafkaClusterTestKit}: every node is a
 * combined controller and broker. Unlike {@code KafkaRaftServer}, the kit reports fatal errors instead of
 * halting the JVM, which is what a test process needs. Nodes cannot be stopped or restarted: tests that
 * take nodes down use {@link io.rivulet.testkit.BrokerMode#PROCESS}.
 */
public final class InJvmKafkaCluster implements KafkaCluster {

    private static final Logger LOG = LoggerFactory.getLogger(InJvmKafkaCluster.class);

    private final KafkaClusterTestKit kit;
    private final int nodes;
    private boolean closed;

    private InJvmKafkaCluster(KafkaClusterTestKit kit, int nodes) {
        this.kit = kit;
        this.nodes = nodes;
    }

    public static InJvmKafkaCluster start(int nodes) {
        long started = System.nanoTime();
        KafkaClusterTestKit kit = null;
        try {
            TestKitNodes testKitNodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumControllerNodes(nodes)
                    .setNumBrokerNodes(nodes)
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(testKitNodes);
            for (Map.Entry<String, String> property :
                    BrokerProperties.forClusterOf(nodes).entrySet()) {
                builder.setConfigProp(property.getKey(), property.getValue());
            }
            kit = builder.build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            InJvmKafkaCluster cluster = new InJvmKafkaCluster(kit, nodes);
            TopicAdmin.awaitBrokers(cluster.bootstrapServers(), nodes);
            LOG.info(
                    "In-JVM Kafka cluster of {} node(s) started in {} ms at {}",
                    nodes,
                    (System.nanoTime() - started) / 1_000_000,
                    cluster.bootstrapServers());
            return cluster;
        } catch (Exception e) {
            if (kit != null) {
                closeQuietly(kit);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot start an in-JVM Kafka cluster of " + nodes + " node(s)", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    @Override
    public Set<Integer> nodeIds() {
        return new TreeSet<>(kit.brokers().keySet());
    }

    @Override
    public void createTopic(String name, int partitions, short replicationFactor, Map<String, String> configs) {
        TopicAdmin.createTopic(bootstrapServers(), name, partitions, replicationFactor, configs);
    }

    @Override
    public void stopNode(int nodeId) {
        throw restartUnsupported();
    }

    @Override
    public void killNode(int nodeId) {
        throw restartUnsupported();
    }

    @Override
    public void startNode(int nodeId) {
        throw restartUnsupported();
    }

    // Kafka's in-JVM BrokerServer cannot start again once shut down: it waits forever for the controller.
    private static UnsupportedOperationException restartUnsupported() {
        return new UnsupportedOperationException(
                "in-JVM nodes cannot be stopped and restarted; use BrokerMode.PROCESS");
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(kit);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit kit) {
        try {
            kit.close();
        } catch (Exception e) {
            LOG.warn("closing the in-JVM Kafka cluster failed", e);
        }
    }
}
