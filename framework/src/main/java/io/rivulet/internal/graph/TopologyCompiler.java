package io.rivulet.internal.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cuts the logical graph into sub-topologies at every keyBy and names the internal topics. A sub-topology is
 * a root (a source, or a keyBy whose repartition topic it reads) and every node reachable from it without
 * crossing another keyBy; a node after a union belongs to the sub-topology of each input. Fails with a
 * message naming the operator when the graph cannot run: a stateful operator without uid, a duplicate uid,
 * a job without sinks.
 */
public final class TopologyCompiler {

    private TopologyCompiler() {}

    public static Topology compile(String applicationId, JobGraph graph) {
        if (graph.nodes().isEmpty()) {
            throw new IllegalArgumentException("the job defines no source");
        }
        validateUids(graph);
        Map<KeyByTransformation, String> repartitionTopics = new LinkedHashMap<>();
        Map<String, String> changelogTopics = new LinkedHashMap<>();
        Set<String> sinkTopics = new TreeSet<>();
        List<Transformation> roots = new ArrayList<>();
        for (Transformation node : graph.nodes()) {
            if (node instanceof SourceTransformation) {
                roots.add(node);
            } else if (node instanceof KeyByTransformation keyBy
                    && !graph.downstreamOf(keyBy).isEmpty()) {
                roots.add(keyBy);
                repartitionTopics.put(keyBy, applicationId + "-repartition-" + keyBy.ordinal());
            }
            if (node.stateful()) {
                changelogTopics.put(
                        node.uid().orElseThrow(),
                        applicationId + "-" + node.uid().orElseThrow() + "-changelog");
            }
            if (node instanceof SinkTransformation sink) {
                sinkTopics.add(sink.sink().topic());
            }
        }
        if (sinkTopics.isEmpty()) {
            throw new IllegalArgumentException("the job writes to no sink: add sinkTo(...) to a stream");
        }
        List<SubTopology> subTopologies = new ArrayList<>();
        for (Transformation root : roots) {
            List<Transformation> nodes = new ArrayList<>(reachable(graph, root, repartitionTopics));
            nodes.sort(Comparator.comparingInt(Transformation::id));
            String topic = root instanceof SourceTransformation source
                    ? source.source().topic()
                    : repartitionTopics.get(root);
            subTopologies.add(new SubTopology(subTopologies.size(), topic, root, List.copyOf(nodes)));
        }
        rejectTopicsReadTwice(subTopologies);
        return new Topology(
                applicationId,
                List.copyOf(subTopologies),
                Map.copyOf(repartitionTopics),
                Map.copyOf(changelogTopics),
                Set.copyOf(sinkTopics));
    }

    /** The root and what it feeds, up to and including the keyBys that write onwards (not past them). */
    private static Set<Transformation> reachable(
            JobGraph graph, Transformation root, Map<KeyByTransformation, String> repartitions) {
        Set<Transformation> reached = new HashSet<>();
        List<Transformation> frontier = new ArrayList<>(List.of(root));
        while (!frontier.isEmpty()) {
            Transformation node = frontier.remove(frontier.size() - 1);
            if (node instanceof KeyByTransformation keyBy && !repartitions.containsKey(keyBy)) {
                // A keyBy nothing reads from (its stream went into a connect or a join): it writes nothing.
                continue;
            }
            if (!reached.add(node) || (node != root && node instanceof KeyByTransformation)) {
                continue;
            }
            frontier.addAll(graph.downstreamOf(node));
        }
        return reached;
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
