package io.rivulet.internal.runtime.assignment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one instance knows of where the group's partitions are, from the latest assignment any of its stream
 * threads received; shared by those threads' assignors and read by the HTTP endpoints (interactive queries
 * forward a key to the instance that holds its partition). Thread-safe.
 */
public final class GroupLocations {

    private record Snapshot(
            int generation,
            Map<String, InstanceLocation> byPartition,
            Map<String, List<InstanceLocation>> replicasByPartition,
            List<InstanceLocation> all) {}

    private final String processId;
    private final Optional<String> advertisedUrl;
    private volatile Snapshot snapshot = new Snapshot(-1, Map.of(), Map.of(), List.of());

    /**
     * @param processId this instance's process id
     * @param advertisedUrl where this instance's HTTP endpoints answer; empty without HTTP
     */
    public GroupLocations(String processId, Optional<String> advertisedUrl) {
        this.processId = processId;
        this.advertisedUrl = advertisedUrl;
    }

    public String processId() {
        return processId;
    }

    public Optional<String> advertisedUrl() {
        return advertisedUrl;
    }

    /** An assignment of generation {@code generation} arrived; an older one than what is known is ignored. */
    synchronized void assigned(int generation, List<InstanceLocation> instances) {
        if (generation < snapshot.generation()) {
            return;
        }
        Map<String, InstanceLocation> byPartition = instances.stream()
                .flatMap(instance -> instance.partitions().stream().map(partition -> Map.entry(partition, instance)))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        Map<String, List<InstanceLocation>> replicasByPartition = instances.stream()
                .flatMap(instance ->
                        instance.standbyPartitions().stream().map(partition -> Map.entry(partition, instance)))
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toUnmodifiableList())));
        snapshot = new Snapshot(generation, byPartition, Map.copyOf(replicasByPartition), List.copyOf(instances));
    }

    /** The instance the latest assignment gave the partition ({@code topic-partition}) to, if any. */
    public Optional<InstanceLocation> ownerOf(String partition) {
        return Optional.ofNullable(snapshot.byPartition().get(partition));
    }

    /** The instances the latest assignment gave a standby or warm-up replica of the partition's task. */
    public List<InstanceLocation> replicasOf(String partition) {
        return snapshot.replicasByPartition().getOrDefault(partition, List.of());
    }

    /** Every instance of the latest assignment. */
    public List<InstanceLocation> instances() {
        return snapshot.all();
    }
}
