package io.rivulet.testkit.internal;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.testkit.KafkaCluster;

/**
 * A KRaft cluster whose nodes are child processes on fixed loopback ports, so that a node can be killed
 * with SIGKILL and come back on the same address and data, and so that the broker's CPU and garbage
 * collection stay out of the measuring JVM.
 */
public final class ProcessKafkaCluster implements KafkaCluster {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessKafkaCluster.class);

    private final Path baseDir;
    private final Map<Integer, BrokerNodeProcess> nodes;
    private final String bootstrapServers;
    private final Thread killOnExit;
    private boolean closed;

    private ProcessKafkaCluster(Path baseDir, Map<Integer, BrokerNodeProcess> nodes, String bootstrapServers) {
        this.baseDir = baseDir;
        this.nodes = nodes;
        this.bootstrapServers = bootstrapServers;
        // A test JVM that exits without closing the cluster must not leave brokers behind.
        this.killOnExit = new Thread(() -> nodes.values().forEach(BrokerNodeProcess::kill), "rivulet-broker-reaper");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    public static ProcessKafkaCluster start(int count) {
        long started = System.nanoTime();
        Path baseDir = DataDirectories.create("rivulet-kafka-");
        String clusterId = Uuid.randomUuid().toString();
        Map<Integer, int[]> ports = new TreeMap<>();
        for (int id = 1; id <= count; id++) {
            ports.put(id, new int[] {FreePorts.next(), FreePorts.next()});
        }
        String voters = ports.entrySet().stream()
                .map(e -> e.getKey() + "@127.0.0.1:" + e.getValue()[1])
                .collect(Collectors.joining(","));
        String bootstrap = ports.values().stream().map(p -> "127.0.0.1:" + p[0]).collect(Collectors.joining(","));
        Map<Integer, BrokerNodeProcess> nodes = new TreeMap<>();
        ports.forEach((id, p) -> nodes.put(
                id,
                new BrokerNodeProcess(
                        id,
                        baseDir.resolve("node-" + id),
                        List.of(
                                "--node-id", String.valueOf(id),
                                "--port", String.valueOf(p[0]),
                                "--controller-port", String.valueOf(p[1]),
                                "--voters", voters,
                                "--cluster-size", String.valueOf(count),
                                "--cluster-id", clusterId))));
        ProcessKafkaCluster cluster = new ProcessKafkaCluster(baseDir, nodes, bootstrap);
        try {
            // All at once: a node of a multi-node quorum only finishes starting once the quorum forms.
            nodes.values().forEach(BrokerNodeProcess::start);
            nodes.values().forEach(BrokerNodeProcess::awaitReady);
            TopicAdmin.awaitBrokers(bootstrap, count);
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
        LOG.info(
                "Process Kafka cluster of {} node(s) started in {} ms at {} (data in {})",
                count,
                (System.nanoTime() - started) / 1_000_000,
                bootstrap,
                baseDir);
        return cluster;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Set<Integer> nodeIds() {
        return nodes.keySet();
    }

    /** The OS process id of a node, for tests that signal it themselves. */
    public long pid(int nodeId) {
        return node(nodeId).pid();
    }

    @Override
    public void createTopic(String name, int partitions, short replicationFactor, Map<String, String> configs) {
        TopicAdmin.createTopic(bootstrapServers, name, partitions, replicationFactor, configs);
    }

    @Override
    public void stopNode(int nodeId) {
        node(nodeId).stop();
    }

    @Override
    public void killNode(int nodeId) {
        node(nodeId).kill();
    }

    @Override
    public void startNode(int nodeId) {
        BrokerNodeProcess node = node(nodeId);
        node.start();
        node.awaitReady();
        TopicAdmin.awaitBrokers(bootstrapServers, nodes.size());
    }

    @Override
    public void startNodes(Collection<Integer> nodeIds) {
        List<BrokerNodeProcess> starting = nodeIds.stream().map(this::node).toList();
        starting.forEach(BrokerNodeProcess::start);
        starting.forEach(BrokerNodeProcess::awaitReady);
        TopicAdmin.awaitBrokers(bootstrapServers, nodes.size());
    }

    @Override
    public void freezeNode(int nodeId) {
        node(nodeId).signal("STOP");
    }

    @Override
    public void thawNode(int nodeId) {
        node(nodeId).signal("CONT");
    }

    private BrokerNodeProcess node(int nodeId) {
        BrokerNodeProcess node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("no node " + nodeId + " in " + nodes.keySet());
        }
        return node;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The data is deleted next, so nothing is gained by a graceful shutdown.
        nodes.values().forEach(BrokerNodeProcess::kill);
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // The JVM is exiting already; the hook runs anyway.
        }
        DataDirectories.deleteRecursively(baseDir);
    }
}
