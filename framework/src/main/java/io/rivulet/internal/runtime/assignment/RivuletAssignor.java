package io.rivulet.internal.runtime.assignment;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.internal.runtime.task.TaskTopology;

/**
 * The group's assignor. Every member's subscription says which instance it belongs to, where that instance serves
 * and how far its local copy of each task's state is behind; the leader places active tasks, standby replicas and
 * warm-ups from that ({@link TaskPlacement}) and every member's assignment carries the whole group's locations
 * ({@link GroupLocations}), so that an instance knows which other instance holds a partition and at which URL.
 *
 * <p>Cooperative: a partition that another member still owns is not given to its new owner in the same round; the
 * owner gives it up, commits, and rejoins, and the next round hands it over (meanwhile the new owner keeps a replica
 * of its state warm). Tasks that do not move keep running throughout.
 */
public final class RivuletAssignor implements ConsumerPartitionAssignor, Configurable {

    public static final String NAME = "rivulet";

    /** The consumer setting that hands the instance's {@link AssignmentContext} to the assignor. */
    public static final String CONTEXT_CONFIG = "rivulet.internal.assignment-context";

    /** The consumer setting that hands the stream thread's {@link MemberState} to the assignor. */
    public static final String REPLICAS_CONFIG = "rivulet.internal.replica-assignment";

    private static final Logger LOG = LoggerFactory.getLogger(RivuletAssignor.class);

    private AssignmentContext context;
    private MemberState replicas;

    @Override
    public void configure(Map<String, ?> configs) {
        this.context = configured(configs, CONTEXT_CONFIG, AssignmentContext.class);
        this.replicas = configured(configs, REPLICAS_CONFIG, MemberState.class);
    }

    private static <T> T configured(Map<String, ?> configs, String key, Class<T> type) {
        Object value = configs.get(key);
        if (!type.isInstance(value)) {
            throw new IllegalStateException(NAME + " assignor: the consumer has no " + key);
        }
        return type.cast(value);
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
        replicas.rebalanceStarted();
        Map<String, Long> offsets = new TreeMap<>();
        context.offsets().sums().forEach((task, sum) -> offsets.put(task.toString(), sum));
        return AssignmentCodec.encode(new AssignmentCodec.SubscriptionInfo(
                AssignmentCodec.VERSION,
                context.locations().processId(),
                context.locations().advertisedUrl().orElse(null),
                offsets,
                replicas.held().stream().map(TaskId::toString).toList()));
    }

    /** A member's claim on a partition it owned, from the generation it owned it in. */
    private record Claim(String member, int generation) {}

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        TaskTopology taskTopology = context.tasks();
        Map<String, Subscription> subscriptions = new TreeMap<>(groupSubscription.groupSubscription());
        Map<String, AssignmentCodec.SubscriptionInfo> infos = new HashMap<>();
        Map<TopicPartition, Claim> owners = new HashMap<>();
        subscriptions.forEach((member, subscription) -> {
            infos.put(member, AssignmentCodec.decode(subscription.userData(), AssignmentCodec.SubscriptionInfo.class));
            int generation = subscription.generationId().orElse(-1);
            for (TopicPartition partition : subscription.ownedPartitions()) {
                // After a zombie's rejoin two members may claim a partition: the newer generation owns it.
                owners.merge(
                        partition, new Claim(member, generation), (a, b) -> b.generation() > a.generation() ? b : a);
            }
        });

        List<TaskId> tasks = taskTopology.tasks(topic -> {
            Integer count = metadata.partitionCountForTopic(topic);
            return count == null ? 0 : count;
        });
        Set<TaskId> stateful = new TreeSet<>();
        tasks.stream().filter(taskTopology::stateful).forEach(stateful::add);
        Map<TaskId, Long> ends = changelogEnds(stateful);

        Map<String, List<String>> membersByProcess = new TreeMap<>();
        subscriptions
                .keySet()
                .forEach(member -> membersByProcess
                        .computeIfAbsent(infos.get(member).processId(), process -> new ArrayList<>())
                        .add(member));
        List<TaskPlacement.Client> clients = new ArrayList<>();
        membersByProcess.forEach((process, members) -> {
            List<TaskPlacement.Member> placementMembers = new ArrayList<>();
            Map<TaskId, Long> reported = new HashMap<>();
            for (String member : members) {
                Set<TaskId> owned = new HashSet<>();
                owners.forEach((partition, claim) -> {
                    if (claim.member().equals(member)) {
                        taskTopology.taskOf(partition).ifPresent(owned::add);
                    }
                });
                AssignmentCodec.SubscriptionInfo info = infos.get(member);
                placementMembers.add(new TaskPlacement.Member(member, owned, taskIds(info.replicas())));
                info.taskOffsets()
                        .forEach((task, sum) -> TaskId.parse(task).ifPresent(id -> reported.merge(id, sum, Math::max)));
            }
            clients.add(new TaskPlacement.Client(
                    process, placementMembers, lags(stateful, ends, reported, placementMembers)));
        });

        Map<String, TaskPlacement.MemberTasks> placed =
                TaskPlacement.place(tasks, stateful, clients, context.settings());
        return encode(handOver(placed, owners, stateful), infos, taskTopology);
    }

    private static Set<TaskId> taskIds(List<String> ids) {
        Set<TaskId> tasks = new TreeSet<>();
        ids.forEach(id -> TaskId.parse(id).ifPresent(tasks::add));
        return tasks;
    }

    /** Per stateful task, the sum of where its changelogs end; null if the cluster could not say. */
    private Map<TaskId, Long> changelogEnds(Set<TaskId> stateful) {
        Set<TopicPartition> changelogs = new HashSet<>();
        stateful.forEach(
                task -> changelogs.addAll(context.tasks().changelogsByUid(task).values()));
        if (changelogs.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, Long> offsets;
        try {
            offsets = context.changelogEnds().endOffsets(changelogs);
        } catch (Exception e) {
            LOG.warn(
                    "The end offsets of the changelogs are unknown ({}): tasks stay where they are, and new ones go"
                            + " to the least loaded instances",
                    e.toString());
            return null;
        }
        Map<TaskId, Long> ends = new HashMap<>();
        for (TaskId task : stateful) {
            ends.put(
                    task,
                    context.tasks().changelogsByUid(task).values().stream()
                            .mapToLong(changelog -> offsets.getOrDefault(changelog, 0L))
                            .sum());
        }
        return ends;
    }

    /**
     * How far behind each task's changelogs an instance's copy is: 0 for a task it runs; the whole changelog for a
     * task it has no copy of, or whose copy is ahead of the changelog (a copy of another changelog, which a restore
     * wipes).
     */
    private static Map<TaskId, Long> lags(
            Set<TaskId> stateful,
            Map<TaskId, Long> ends,
            Map<TaskId, Long> reported,
            List<TaskPlacement.Member> members) {
        Map<TaskId, Long> lags = new HashMap<>();
        for (TaskId task : stateful) {
            boolean runs =
                    members.stream().anyMatch(member -> member.activeTasks().contains(task));
            if (runs) {
                lags.put(task, 0L);
            } else if (ends != null) {
                long end = ends.get(task);
                Long local = reported.get(task);
                lags.put(task, local == null || local > end ? end : end - local);
            }
        }
        return lags;
    }

    /**
     * The cooperative hand-over: a task whose partition another member owns is withheld from its new owner this
     * round, which keeps (or starts) a replica of its state instead, so that the next round finds it caught up.
     */
    private Map<String, TaskPlacement.MemberTasks> handOver(
            Map<String, TaskPlacement.MemberTasks> placed, Map<TopicPartition, Claim> owners, Set<TaskId> stateful) {
        Map<String, TaskPlacement.MemberTasks> handed = new TreeMap<>();
        placed.forEach((member, tasks) -> {
            Set<TaskId> actives = new TreeSet<>();
            Set<TaskId> standbys = new TreeSet<>(tasks.standbys());
            for (TaskId task : tasks.actives()) {
                Claim claim = owners.get(context.tasks().inputOf(task));
                if (claim == null || claim.member().equals(member)) {
                    actives.add(task);
                } else if (stateful.contains(task)) {
                    standbys.add(task);
                }
            }
            handed.put(member, new TaskPlacement.MemberTasks(actives, standbys, tasks.warmups()));
        });
        return handed;
    }

    private GroupAssignment encode(
            Map<String, TaskPlacement.MemberTasks> placed,
            Map<String, AssignmentCodec.SubscriptionInfo> infos,
            TaskTopology taskTopology) {
        Map<String, AssignmentCodec.Location> byProcess = new LinkedHashMap<>();
        placed.forEach((member, tasks) -> {
            AssignmentCodec.SubscriptionInfo info = infos.get(member);
            AssignmentCodec.Location location = byProcess.computeIfAbsent(
                    info.processId(),
                    process -> new AssignmentCodec.Location(
                            process, info.advertisedUrl(), new ArrayList<>(), new ArrayList<>()));
            tasks.actives()
                    .forEach(task ->
                            location.partitions().add(taskTopology.inputOf(task).toString()));
            tasks.standbys()
                    .forEach(task -> location.standbyPartitions()
                            .add(taskTopology.inputOf(task).toString()));
            tasks.warmups()
                    .forEach(task -> location.standbyPartitions()
                            .add(taskTopology.inputOf(task).toString()));
        });
        List<AssignmentCodec.Location> instances = List.copyOf(byProcess.values());
        Map<String, Assignment> assignments = new HashMap<>();
        placed.forEach((member, tasks) -> {
            List<TopicPartition> partitions = tasks.actives().stream()
                    .map(taskTopology::inputOf)
                    .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                    .toList();
            assignments.put(
                    member,
                    new Assignment(
                            partitions,
                            AssignmentCodec.encode(new AssignmentCodec.AssignmentInfo(
                                    AssignmentCodec.VERSION,
                                    instances,
                                    tasks.standbys().stream()
                                            .map(TaskId::toString)
                                            .toList(),
                                    tasks.warmups().stream()
                                            .map(TaskId::toString)
                                            .toList()))));
        });
        LOG.info("Group assignment: {}", describe(placed));
        return new GroupAssignment(assignments);
    }

    private static String describe(Map<String, TaskPlacement.MemberTasks> placed) {
        StringBuilder text = new StringBuilder();
        placed.forEach((member, tasks) -> text.append("\n  ")
                .append(member)
                .append(": active ")
                .append(tasks.actives())
                .append(", standby ")
                .append(tasks.standbys())
                .append(", warm-up ")
                .append(tasks.warmups()));
        return text.toString();
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        AssignmentCodec.AssignmentInfo info =
                AssignmentCodec.decode(assignment.userData(), AssignmentCodec.AssignmentInfo.class);
        context.locations()
                .assigned(
                        metadata.generationId(),
                        info.instances().stream()
                                .map(AssignmentCodec.Location::toInstanceLocation)
                                .toList());
        replicas.assigned(taskIds(info.standbys()), taskIds(info.warmups()));
    }
}
