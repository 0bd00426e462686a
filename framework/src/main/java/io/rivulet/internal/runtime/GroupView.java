package io.rivulet.internal.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

import io.rivulet.internal.graph.Topology;
import io.rivulet.internal.runtime.assignment.GroupLocations;
import io.rivulet.internal.runtime.assignment.InstanceLocation;

/**
 * The instances of the application's group and the tasks each holds, as the group coordinator describes them: the
 * only thing an instance knows of the others (they learn of each other through Kafka alone). A member's client id
 * ({@code <application>-<process id>-<thread>-consumer}) names the instance it belongs to.
 *
 * @param groupId the consumer group (the application id)
 * @param state the group's state as the coordinator reports it ({@code Stable}, {@code PreparingRebalance}, …)
 * @param instances the group's instances, this one first
 */
public record GroupView(String groupId, String state, List<Instance> instances) {

    /**
     * A service instance: its stream threads' members of the group.
     *
     * @param processId the instance's process id, kept in its state directory
     * @param host the address the coordinator sees it connect from
     * @param self whether it is the instance that answers
     * @param advertisedUrl where its HTTP endpoints (and web UI) answer, as the group's assignment says
     * @param members one per stream thread
     */
    public record Instance(
            String processId, String host, boolean self, Optional<String> advertisedUrl, List<Member> members) {}

    /**
     * A stream thread's membership.
     *
     * @param clientId the consumer's client id
     * @param groupInstanceId its static membership id, if it has one
     * @param partitions the partitions assigned to it
     * @param tasks the tasks those partitions make
     */
    public record Member(
            String clientId, Optional<String> groupInstanceId, List<String> partitions, List<String> tasks) {}

    private static final String CONSUMER_SUFFIX = "-consumer";

    /** Asks the group coordinator; fails with the client's exception if it does not answer within {@code timeout}. */
    static GroupView describe(Admin admin, Topology topology, GroupLocations locations, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        String selfProcessId = locations.processId();
        String groupId = topology.applicationId();
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId))
                .describedGroups()
                .get(groupId)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, List<MemberDescription>> byProcess = new LinkedHashMap<>();
        group.members().stream()
                .sorted(Comparator.comparing(MemberDescription::clientId))
                .forEach(member -> byProcess
                        .computeIfAbsent(processOf(groupId, member.clientId()), p -> new ArrayList<>())
                        .add(member));
        List<Instance> instances = new ArrayList<>();
        byProcess.forEach((processId, members) -> instances.add(new Instance(
                processId,
                hostOf(members.get(0)),
                processId.equals(selfProcessId),
                locations.instances().stream()
                        .filter(location -> location.processId().equals(processId))
                        .findFirst()
                        .flatMap(InstanceLocation::advertisedUrl),
                members.stream().map(member -> member(topology, member)).toList())));
        instances.sort(
                Comparator.comparing((Instance instance) -> !instance.self()).thenComparing(Instance::processId));
        return new GroupView(groupId, group.groupState().toString(), instances);
    }

    private static Member member(Topology topology, MemberDescription member) {
        List<TopicPartition> assigned = member.assignment().topicPartitions().stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .toList();
        List<String> tasks = assigned.stream()
                .filter(partition -> topology.allSourceTopics().contains(partition.topic()))
                .map(partition -> topology.subTopologyReading(partition.topic()).id() + "_" + partition.partition())
                .sorted()
                .toList();
        return new Member(
                member.clientId(),
                member.groupInstanceId(),
                assigned.stream().map(TopicPartition::toString).toList(),
                tasks);
    }

    /** The coordinator reports a member's host as {@code InetAddress.toString()} does: {@code [name]/address}. */
    private static String hostOf(MemberDescription member) {
        String host = member.host();
        return host.startsWith("/") ? host.substring(1) : host;
    }

    /** {@code <application>-<process id>-<thread>-consumer} → the process id; another client id stands for itself. */
    static String processOf(String applicationId, String clientId) {
        String prefix = applicationId + "-";
        if (!clientId.startsWith(prefix) || !clientId.endsWith(CONSUMER_SUFFIX)) {
            return clientId;
        }
        String processAndThread = clientId.substring(prefix.length(), clientId.length() - CONSUMER_SUFFIX.length());
        int lastDash = processAndThread.lastIndexOf('-');
        return lastDash <= 0 ? clientId : processAndThread.substring(0, lastDash);
    }
}
