package io.rivulet.testkit;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * A real Apache Kafka cluster (KRaft) for tests, samples, benchmarks and the embedded default.
 *
 * <p>Every implementation supports transactions, also with a single node: the internal topics of the
 * transaction coordinator and the group coordinator are created with a replication factor and minimum
 * ISR the cluster can satisfy. Topics are never auto-created: create them with {@link #createTopic}.
 *
 * <p>{@link #close()} stops every node and deletes the cluster's data directories; it is idempotent.
 */
public interface KafkaCluster extends AutoCloseable {

    /** The {@code bootstrap.servers} value for clients; every node listens on the loopback interface only. */
    String bootstrapServers();

    /** The node ids of the cluster, whether running or stopped. */
    Set<Integer> nodeIds();

    /**
     * Creates a topic and waits until every partition has a leader.
     *
     * @param configs topic-level configuration such as {@code cleanup.policy}; may be empty
     * @throws IllegalStateException if the topic exists already or cannot be created
     */
    void createTopic(String name, int partitions, short replicationFactor, Map<String, String> configs);

    /** Creates a topic with the cluster's default replication (the node count, at most 3) and no configs. */
    default void createTopic(String name, int partitions) {
        createTopic(name, partitions, (short) Math.min(3, nodeIds().size()), Map.of());
    }

    /**
     * Stops one node gracefully (SIGTERM or a clean shutdown); its data is kept for {@link #startNode}.
     * In-JVM clusters cannot restart nodes and throw {@link UnsupportedOperationException}.
     */
    void stopNode(int nodeId);

    /**
     * Kills one node without letting it shut down (SIGKILL for process nodes). Implementations that cannot
     * kill a node abruptly throw {@link UnsupportedOperationException}.
     */
    void killNode(int nodeId);

    /** Starts a node that was stopped or killed, on its old data, and waits until it serves again. */
    void startNode(int nodeId);

    /**
     * Starts several stopped or killed nodes at once and waits until they all serve: after a whole cluster went
     * down, a node of the controller quorum finishes starting only once enough of the others are back.
     */
    default void startNodes(Collection<Integer> nodeIds) {
        nodeIds.forEach(this::startNode);
    }

    /**
     * Freezes a node (SIGSTOP for process nodes): it keeps its sockets and its place in the cluster but answers
     * nothing, as a hung broker does (a stalled disk, a stop-the-world pause). Implementations that cannot freeze
     * a node throw {@link UnsupportedOperationException}.
     */
    default void freezeNode(int nodeId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot freeze a node");
    }

    /** Lets a frozen node run again (SIGCONT). */
    default void thawNode(int nodeId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot freeze a node");
    }

    /** Stops every node and deletes the data directories. */
    @Override
    void close();
}
