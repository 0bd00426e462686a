package io.rivulet.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker settings every test cluster shares, whatever runs it. A single node must be able to run
 * transactions and consumer groups, so the coordinators' internal topics get a replication factor and
 * minimum ISR the cluster size can satisfy; with three nodes one may be down and writes with
 * {@code acks=all} still succeed.
 */
public final class BrokerProperties {

    private BrokerProperties() {}

    public static Map<String, String> forClusterOf(int nodes) {
        String replication = String.valueOf(Math.min(nodes, 3));
        String minIsr = nodes == 1 ? "1" : "2";
        Map<String, String> props = new LinkedHashMap<>();
        props.put("offsets.topic.replication.factor", replication);
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", replication);
        props.put("transaction.state.log.min.isr", minIsr);
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", replication);
        props.put("share.coordinator.state.topic.min.isr", minIsr);
        props.put("default.replication.factor", replication);
        props.put("min.insync.replicas", minIsr);
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        // Streams jobs commit every 100 ms; a short abort timeout keeps a crashed producer's open
        // transaction from blocking read_committed readers for the default minute.
        props.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
        props.put("transaction.remove.expired.transaction.cleanup.interval.ms", "10000");
        return props;
    }
}
