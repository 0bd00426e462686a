package io.rivulet.internal.runtime.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

import org.apache.kafka.common.TopicPartition;

import io.rivulet.internal.graph.SubTopology;
import io.rivulet.internal.graph.Topology;
import io.rivulet.internal.graph.Transformation;
import io.rivulet.internal.runtime.state.TaskId;

/**
 * The tasks a topology runs as and the partitions behind each: the one input partition a task reads, and the
 * changelog partition of each of its stateful operators. What the task factory builds a task's state from, and
 * what the group's assignor places.
 */
public final class TaskTopology {

    private final Topology topology;

    public TaskTopology(Topology topology) {
        this.topology = topology;
    }

    /** The task that reads {@code input}; empty for a topic no sub-topology reads. */
    public Optional<TaskId> taskOf(TopicPartition input) {
        return topology.subTopologies().stream()
                .filter(sub -> sub.sourceTopic().equals(input.topic()))
                .findFirst()
                .map(sub -> new TaskId(sub.id(), input.partition()));
    }

    public TopicPartition inputOf(TaskId task) {
        return new TopicPartition(topology.subTopology(task.subTopology()).sourceTopic(), task.partition());
    }

    /** Whether the task has keyed state (and so changelogs, and a store that standbys can mirror). */
    public boolean stateful(TaskId task) {
        return !topology.subTopology(task.subTopology()).statefulNodes().isEmpty();
    }

    /** The changelog partition of each stateful operator of the task, by operator uid, in graph order. */
    public Map<String, TopicPartition> changelogsByUid(TaskId task) {
        Map<String, TopicPartition> changelogs = new LinkedHashMap<>();
        for (Transformation node : topology.subTopology(task.subTopology()).statefulNodes()) {
            changelogs.put(
                    node.uid().orElseThrow(), new TopicPartition(topology.changelogTopic(node), task.partition()));
        }
        return changelogs;
    }

    /**
     * Every task, sub-topology by sub-topology.
     *
     * @param partitionCount the partition count of a topic; 0 for one that does not exist (yet)
     */
    public List<TaskId> tasks(ToIntFunction<String> partitionCount) {
        List<TaskId> tasks = new ArrayList<>();
        for (SubTopology sub : topology.subTopologies()) {
            int partitions = partitionCount.applyAsInt(sub.sourceTopic());
            for (int partition = 0; partition < partitions; partition++) {
                tasks.add(new TaskId(sub.id(), partition));
            }
        }
        return tasks;
    }
}
