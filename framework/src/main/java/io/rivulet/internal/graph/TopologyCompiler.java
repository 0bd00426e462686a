package io.rivulet.internal.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cuts the logical graph into sub-topologies at every keyBy and names the internal topics. Fails with a
 * message naming the operator when the graph cannot run: a stateful operator without uid, a duplicate uid,
 * a job without sinks.
 */
public final class TopologyCompiler {

    private TopologyCompiler() {
    }

    public static Topology compile(String applicationId, JobGraph graph) {
        if (graph.nodes().isEmpty()) {
            throw new IllegalArgumentException("the job defines no source");
        }
        validateUids(graph);
        Map<Transformation, Integer> subOf = new LinkedHashMap<>();
        Map<Integer, Transformation> roots = new LinkedHashMap<>();
        Map<KeyByTransformation, Integer> downstreamOfKeyBy = new LinkedHashMap<>();
        Map<KeyByTransformation, String> repartitionTopics = new LinkedHashMap<>();
        Map<String, String> changelogTopics = new LinkedHashMap<>();
        Set<String> sinkTopics = new TreeSet<>();

        for (Transformation node : graph.nodes()) {
            if (node instanceof SourceTransformation) {
                int id = roots.size();
                roots.put(id, node);
                subOf.put(node, id);
                continue;
            }
            Transformation input = node.input().orElseThrow();
            if (input instanceof KeyByTransformation keyBy) {
                subOf.put(node, downstreamOfKeyBy.computeIfAbsent(keyBy, k -> {
                    int id = roots.size();
                    roots.put(id, k);
                    repartitionTopics.put(k, applicationId + "-repartition-" + k.ordinal());
                    return id;
                }));
            } else {
                subOf.put(node, subOf.get(input));
            }
            if (node.stateful()) {
                changelogTopics.put(node.uid().orElseThrow(), applicationId + "-" + node.uid().orElseThrow() + "-changelog");
            }
            if (node instanceof SinkTransformation sink) {
                sinkTopics.add(sink.sink().topic());
            }
        }
        if (sinkTopics.isEmpty()) {
            throw new IllegalArgumentException("the job writes to no sink: add sinkTo(...) to a stream");
        }

        List<SubTopology> subTopologies = new ArrayList<>();
        for (Map.Entry<Integer, Transformation> root : roots.entrySet()) {
            int id = root.getKey();
            List<Transformation> nodes = new ArrayList<>();
            nodes.add(root.getValue());
            subOf.forEach((node, sub) -> {
                if (sub == id && node != root.getValue()) {
                    nodes.add(node);
                }
            });
            String topic = root.getValue() instanceof SourceTransformation source
                    ? source.source().topic()
                    : repartitionTopics.get((KeyByTransformation) root.getValue());
            subTopologies.add(new SubTopology(id, topic, root.getValue(), List.copyOf(nodes)));
        }
        rejectTopicsReadTwice(subTopologies);
        return new Topology(applicationId, List.copyOf(subTopologies), Map.copyOf(repartitionTopics),
                Map.copyOf(changelogTopics), Set.copyOf(sinkTopics));
    }

    private static void validateUids(JobGraph graph) {
        Set<String> seen = new HashSet<>();
        for (Transformation node : graph.nodes()) {
            if (node.stateful() && node.uid().isEmpty()) {
                throw new IllegalArgumentException("stateful operator " + node.name()
                        + " has no uid: call .uid(\"...\") on it; state and changelogs are addressed by it");
            }
            node.uid().ifPresent(uid -> {
                if (!seen.add(uid)) {
                    throw new IllegalArgumentException("uid '" + uid + "' is used by more than one operator");
                }
            });
        }
    }

    private static void rejectTopicsReadTwice(List<SubTopology> subTopologies) {
        Set<String> topics = new HashSet<>();
        for (SubTopology sub : subTopologies) {
            if (!topics.add(sub.sourceTopic())) {
                throw new IllegalArgumentException("topic " + sub.sourceTopic()
                        + " is read by two sources; read it once and use the stream twice");
            }
        }
    }
}
