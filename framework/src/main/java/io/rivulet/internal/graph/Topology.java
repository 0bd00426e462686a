package io.rivulet.internal.graph;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The compiled job: sub-topologies cut at every keyBy, and the internal topics that connect them and back
 * their state.
 *
 * @param repartitionTopics per keyBy, its topic name
 * @param changelogTopics per stateful operator uid, its changelog topic name
 */
public record Topology(
        String applicationId,
        List<SubTopology> subTopologies,
        Map<KeyByTransformation, String> repartitionTopics,
        Map<String, String> changelogTopics,
        Set<String> sinkTopics) {

    /** The input topics that users produce to (not the repartition topics). */
    public Set<String> externalSourceTopics() {
        return subTopologies.stream()
                .filter(s -> s.root() instanceof SourceTransformation)
                .map(SubTopology::sourceTopic)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Every topic a stream thread subscribes to. */
    public Set<String> allSourceTopics() {
        return subTopologies.stream()
                .map(SubTopology::sourceTopic)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    public SubTopology subTopologyReading(String topic) {
        return subTopologies.stream()
                .filter(s -> s.sourceTopic().equals(topic))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sub-topology reads " + topic));
    }

    public SubTopology subTopology(int id) {
        return subTopologies.get(id);
    }

    public String changelogTopic(Transformation statefulNode) {
        return changelogTopics.get(statefulNode.uid().orElseThrow());
    }
}
