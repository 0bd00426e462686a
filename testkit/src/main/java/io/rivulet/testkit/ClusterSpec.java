package io.rivulet.testkit;

/**
 * What cluster to start: how many nodes (1 or 3; each node is a combined KRaft controller and broker)
 * and where they run.
 */
public record ClusterSpec(int nodes, BrokerMode mode) {

    public ClusterSpec {
        if (nodes != 1 && nodes != 3) {
            throw new IllegalArgumentException("a test cluster has 1 or 3 nodes, not " + nodes);
        }
    }

    /** One node in the mode chosen by {@value BrokerMode#PROPERTY}. */
    public static ClusterSpec singleNode() {
        return new ClusterSpec(1, BrokerMode.fromSystemProperty());
    }

    public ClusterSpec withNodes(int count) {
        return new ClusterSpec(count, mode);
    }

    public ClusterSpec withMode(BrokerMode brokerMode) {
        return new ClusterSpec(nodes, brokerMode);
    }
}
