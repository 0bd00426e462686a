package io.rivulet.internal.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The compiled job as {@code GET /rivulet/api/job} shows it: every operator with its kind, name, uid, the
 * sub-topologies it runs in, its topic (sources, sinks), its changelog (stateful operators); and the edges
 * between them, with the repartition topic an edge crosses after a keyBy.
 */
public final class JobGraphView {

    private JobGraphView() {}

    public static Map<String, Object> of(Topology topology) {
        Map<Transformation, List<Integer>> subTopologies = new LinkedHashMap<>();
        for (SubTopology sub : topology.subTopologies()) {
            for (Transformation node : sub.nodes()) {
                subTopologies.computeIfAbsent(node, n -> new ArrayList<>()).add(sub.id());
            }
        }
        List<Map<String, Object>> operators = new ArrayList<>();
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Transformation node : subTopologies.keySet()) {
            Map<String, Object> operator = new LinkedHashMap<>();
            operator.put("id", node.id());
            operator.put("kind", kindOf(node));
            operator.put("name", node.name());
            node.uid().ifPresent(uid -> operator.put("uid", uid));
            operator.put("sub-topologies", new TreeSet<>(subTopologies.get(node)));
            if (node instanceof SourceTransformation) {
                operator.put(
                        "topic",
                        topology.subTopologies().stream()
                                .filter(sub -> sub.root() == node)
                                .findFirst()
                                .map(SubTopology::sourceTopic)
                                .orElse(null));
            }
            if (node instanceof SinkTransformation sink) {
                operator.put("topic", sink.sink().topic());
            }
            if (node.stateful() && node.uid().isPresent()) {
                operator.put("changelog", topology.changelogTopic(node));
            }
            operators.add(operator);
            for (Transformation input : node.inputs()) {
                Map<String, Object> edge = new LinkedHashMap<>();
                edge.put("from", input.id());
                edge.put("to", node.id());
                if (node instanceof KeyByTransformation keyBy
                        && topology.repartitionTopics().containsKey(keyBy)) {
                    edge.put("repartition-topic", topology.repartitionTopics().get(keyBy));
                }
                edges.add(edge);
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("application-id", topology.applicationId());
        view.put("operators", operators);
        view.put("edges", edges);
        return view;
    }

    /** {@code KeyByTransformation} → {@code key-by}. */
    private static String kindOf(Transformation node) {
        String type = node.getClass().getSimpleName().replace("Transformation", "");
        return type.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
