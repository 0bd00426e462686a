package io.rivulet.internal.runtime.assignment;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;

/**
 * The group's assignor: every member's subscription says which instance it belongs to and where that instance
 * serves, and every member's assignment carries the whole group's locations ({@link GroupLocations}), so that an
 * instance knows which other instance holds a partition and at which URL. Partitions are placed by Kafka's
 * cooperative sticky assignor: incremental, a partition stays with its owner when it can.
 */
public final class RivuletAssignor implements ConsumerPartitionAssignor, Configurable {

    public static final String NAME = "rivulet";

    /** The consumer setting that hands the instance's {@link GroupLocations} to the assignor. */
    public static final String LOCATIONS_CONFIG = "rivulet.internal.group-locations";

    private final CooperativeStickyAssignor placement = new CooperativeStickyAssignor();
    private GroupLocations locations;

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(LOCATIONS_CONFIG);
        if (!(configured instanceof GroupLocations groupLocations)) {
            throw new IllegalStateException(NAME + " assignor: the consumer has no " + LOCATIONS_CONFIG);
        }
        this.locations = groupLocations;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<RebalanceProtocol> supportedProtocols() {
        return List.of(RebalanceProtocol.COOPERATIVE);
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        return AssignmentCodec.encode(new AssignmentCodec.SubscriptionInfo(
                AssignmentCodec.VERSION,
                locations.processId(),
                locations.advertisedUrl().orElse(null),
                AssignmentCodec.bytes(placement.subscriptionUserData(topics))));
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, AssignmentCodec.SubscriptionInfo> infos = new HashMap<>();
        Map<String, Subscription> forPlacement = new HashMap<>();
        groupSubscription.groupSubscription().forEach((member, subscription) -> {
            AssignmentCodec.SubscriptionInfo info =
                    AssignmentCodec.decode(subscription.userData(), AssignmentCodec.SubscriptionInfo.class);
            infos.put(member, info);
            Subscription unwrapped = new Subscription(
                    subscription.topics(),
                    AssignmentCodec.buffer(info.placement()),
                    subscription.ownedPartitions(),
                    subscription.generationId().orElse(-1),
                    subscription.rackId());
            unwrapped.setGroupInstanceId(subscription.groupInstanceId());
            forPlacement.put(member, unwrapped);
        });
        Map<String, Assignment> placed =
                placement.assign(metadata, new GroupSubscription(forPlacement)).groupAssignment();

        Map<String, AssignmentCodec.Location> byProcess = new LinkedHashMap<>();
        new TreeSet<>(placed.keySet()).forEach(member -> {
            AssignmentCodec.SubscriptionInfo info = infos.get(member);
            AssignmentCodec.Location location = byProcess.computeIfAbsent(
                    info.processId(),
                    process -> new AssignmentCodec.Location(process, info.advertisedUrl(), new ArrayList<>()));
            placed.get(member).partitions().stream()
                    .map(TopicPartition::toString)
                    .forEach(location.partitions()::add);
        });
        List<AssignmentCodec.Location> instances = List.copyOf(byProcess.values());
        Map<String, Assignment> assignments = new HashMap<>();
        placed.forEach((member, assignment) -> assignments.put(
                member,
                new Assignment(
                        assignment.partitions(),
                        AssignmentCodec.encode(new AssignmentCodec.AssignmentInfo(
                                AssignmentCodec.VERSION, instances, AssignmentCodec.bytes(assignment.userData()))))));
        return new GroupAssignment(assignments);
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        AssignmentCodec.AssignmentInfo info =
                AssignmentCodec.decode(assignment.userData(), AssignmentCodec.AssignmentInfo.class);
        placement.onAssignment(
                new Assignment(assignment.partitions(), AssignmentCodec.buffer(info.placement())), metadata);
        locations.assigned(
                metadata.generationId(),
                info.instances().stream()
                        .map(AssignmentCodec.Location::toInstanceLocation)
                        .toList());
    }
}
