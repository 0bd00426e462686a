package io.rivulet.internal.runtime.assignment;

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
import java.util.function.Predicate;

import io.rivulet.internal.runtime.state.TaskId;

/**
 * Where the group's tasks run, decided by the leader from what every instance holds (Kafka Streams' high
 * availability assignor, KIP-441, in four steps):
 * <ol>
 *   <li><b>Actives.</b> A task stays with the instance that ran it. Any other task goes to an instance whose copy
 *       is caught up (at most the acceptable recovery lag behind its changelogs), the least loaded of them; with
 *       none, to the most caught-up instance. So a failed instance's tasks go to their standbys.
 *   <li><b>Balance.</b> Sub-topology by sub-topology, then in total: while an instance runs more tasks per stream
 *       thread than another would after taking one more, one task moves: at once when the other instance is caught up on it (stateless tasks always are);
 *       otherwise it stays and a warm-up replica on the other instance restores it in the background (at most
 *       the configured number at a time), so that no task ever stops for a restore to balance the group.
 *   <li><b>Standbys.</b> Every stateful task gets the configured number of standby replicas on other instances,
 *       preferring instances with the most caught-up copy, then the least loaded.
 *   <li><b>Threads.</b> Within an instance, tasks stay with the stream thread that ran them or held their replica,
 *       and the rest go to the least loaded thread.
 * </ol>
 * Deterministic: the same input gives the same placement.
 */
final class TaskPlacement {

    /** A task's copy that is not known: no local state, or lags that could not be measured. */
    static final long UNKNOWN_LAG = Long.MAX_VALUE;

    /** A stream thread as it joined: the tasks it ran and the replicas it held. */
    record Member(String memberId, Set<TaskId> activeTasks, Set<TaskId> replicaTasks) {}

    /**
     * An instance of the group.
     *
     * @param lags per stateful task, how many changelog records its local copy is behind ({@code 0} for the
     *     tasks it runs); a task absent has {@link #UNKNOWN_LAG}
     */
    record Client(String processId, List<Member> members, Map<TaskId, Long> lags) {}

    /** What one stream thread is to run and keep. */
    record MemberTasks(Set<TaskId> actives, Set<TaskId> standbys, Set<TaskId> warmups) {}

    private final List<TaskId> tasks;
    private final Set<TaskId> stateful;
    private final AssignmentSettings settings;
    private final Map<String, Client> clients = new TreeMap<>();
    private final Map<TaskId, String> owners = new HashMap<>();
    private final Map<String, Set<TaskId>> actives = new HashMap<>();
    private final Map<String, Set<TaskId>> standbys = new HashMap<>();
    private final Map<String, Set<TaskId>> warmups = new HashMap<>();

    private TaskPlacement(List<TaskId> tasks, Set<TaskId> stateful, List<Client> clients, AssignmentSettings settings) {
        this.tasks = tasks.stream().sorted().toList();
        this.stateful = stateful;
        this.settings = settings;
        for (Client client : clients) {
            this.clients.put(client.processId(), client);
            actives.put(client.processId(), new TreeSet<>());
            standbys.put(client.processId(), new TreeSet<>());
            warmups.put(client.processId(), new TreeSet<>());
        }
    }

    /**
     * @param tasks every task of the job
     * @param stateful the tasks with state
     * @param clients every instance of the group, each with at least one member
     * @return what each member runs, by member id
     */
    static Map<String, MemberTasks> place(
            List<TaskId> tasks, Set<TaskId> stateful, List<Client> clients, AssignmentSettings settings) {
        if (clients.isEmpty()) {
            return Map.of();
        }
        TaskPlacement placement = new TaskPlacement(tasks, stateful, clients, settings);
        placement.placeActives();
        placement.balance();
        placement.placeStandbys();
        return placement.toMembers();
    }

    long lag(String client, TaskId task) {
        return stateful.contains(task) ? clients.get(client).lags().getOrDefault(task, UNKNOWN_LAG) : 0;
    }

    private boolean caughtUp(String client, TaskId task) {
        return lag(client, task) <= settings.acceptableRecoveryLag();
    }

    private int capacity(String client) {
        return clients.get(client).members().size();
    }

    private double load(String client, int tasksRun) {
        return (double) tasksRun / capacity(client);
    }

    private void placeActives() {
        Map<TaskId, String> previous = new HashMap<>();
        clients.values()
                .forEach(client -> client.members()
                        .forEach(member ->
                                member.activeTasks().forEach(task -> previous.putIfAbsent(task, client.processId()))));
        List<TaskId> unowned = new ArrayList<>();
        for (TaskId task : tasks) {
            String owner = previous.get(task);
            if (owner != null) {
                run(task, owner);
            } else {
                unowned.add(task);
            }
        }
        // State first: where it goes is decided by lags; stateless tasks then even out the load.
        unowned.sort(
                Comparator.comparing((TaskId task) -> !stateful.contains(task)).thenComparing(task -> task));
        for (TaskId task : unowned) {
            List<String> caughtUp = clients.keySet().stream()
                    .filter(client -> caughtUp(client, task))
                    .toList();
            Comparator<String> byLoad = Comparator.comparingDouble(
                    client -> load(client, actives.get(client).size()));
            Comparator<String> byLag = Comparator.comparingLong(client -> lag(client, task));
            String owner = caughtUp.isEmpty()
                    ? clients.keySet().stream().min(byLag.thenComparing(byLoad)).orElseThrow()
                    : caughtUp.stream().min(byLoad.thenComparing(byLag)).orElseThrow();
            run(task, owner);
        }
    }

    private void run(TaskId task, String client) {
        String before = owners.put(task, client);
        if (before != null) {
            actives.get(before).remove(task);
        }
        actives.get(client).add(task);
    }

    /**
     * Balances each sub-topology across the instances, then the totals: a sub-topology's tasks are what does the same
     * work, so an instance that runs only stateless tasks is not balanced with one that runs only stateful ones.
     */
    private void balance() {
        // Where each task is heading: its owner, or the instance a warm-up prepares it for.
        Map<TaskId, String> heading = new HashMap<>(owners);
        Set<TaskId> settled = new HashSet<>();
        Set<Integer> subTopologies = new TreeSet<>();
        tasks.forEach(task -> subTopologies.add(task.subTopology()));
        for (int subTopology : subTopologies) {
            balance(heading, settled, task -> task.subTopology() == subTopology);
        }
        balance(heading, settled, task -> true);
    }

    private void balance(Map<TaskId, String> heading, Set<TaskId> settled, Predicate<TaskId> scope) {
        while (true) {
            Map<String, Integer> scoped = counts(heading, scope);
            Map<String, Integer> total = counts(heading, task -> true);
            Comparator<String> byScopedLoad = Comparator.comparingDouble(client -> load(client, scoped.get(client)));
            Comparator<String> byTotalLoad = Comparator.comparingDouble(client -> load(client, total.get(client)));
            String from = clients.keySet().stream()
                    .filter(client -> !movable(client, heading, settled, scope).isEmpty())
                    .max(byScopedLoad.thenComparing(byTotalLoad).thenComparing(Comparator.reverseOrder()))
                    .orElse(null);
            if (from == null) {
                return;
            }
            String to = clients.keySet().stream()
                    .min(Comparator.comparingDouble((String client) -> load(client, scoped.get(client) + 1))
                            .thenComparingDouble(client -> load(client, total.get(client) + 1))
                            .thenComparing(client -> client))
                    .orElseThrow();
            if (from.equals(to) || load(from, scoped.get(from)) <= load(to, scoped.get(to) + 1)) {
                return;
            }
            TaskId task = movable(from, heading, settled, scope).stream()
                    .min(Comparator.comparing((TaskId candidate) -> !caughtUp(to, candidate))
                            .thenComparing(candidate -> -surplus(heading, candidate.subTopology(), from, to))
                            .thenComparingLong(candidate -> lag(to, candidate))
                            .thenComparing(candidate -> candidate))
                    .orElseThrow();
            settled.add(task);
            heading.put(task, to);
            if (caughtUp(to, task)) {
                run(task, to);
            } else if (warmupCount() < settings.maxWarmupReplicas()) {
                warmups.get(to).add(task);
            }
        }
    }

    /** The tasks in scope that {@code client} runs and that have not been moved or warmed up yet. */
    private List<TaskId> movable(
            String client, Map<TaskId, String> heading, Set<TaskId> settled, Predicate<TaskId> scope) {
        return actives.get(client).stream()
                .filter(task -> scope.test(task) && !settled.contains(task) && client.equals(heading.get(task)))
                .toList();
    }

    private Map<String, Integer> counts(Map<TaskId, String> heading, Predicate<TaskId> scope) {
        Map<String, Integer> counts = new HashMap<>();
        clients.keySet().forEach(client -> counts.put(client, 0));
        heading.forEach((task, client) -> {
            if (scope.test(task)) {
                counts.merge(client, 1, Integer::sum);
            }
        });
        return counts;
    }

    /** How many more tasks of the sub-topology {@code from} is heading for than {@code to}: moving those spreads it. */
    private static long surplus(Map<TaskId, String> heading, int subTopology, String from, String to) {
        long surplus = 0;
        for (Map.Entry<TaskId, String> entry : heading.entrySet()) {
            if (entry.getKey().subTopology() == subTopology) {
                surplus += entry.getValue().equals(from) ? 1 : entry.getValue().equals(to) ? -1 : 0;
            }
        }
        return surplus;
    }

    private int warmupCount() {
        return warmups.values().stream().mapToInt(Set::size).sum();
    }

    private void placeStandbys() {
        for (TaskId task : tasks) {
            if (!stateful.contains(task)) {
                continue;
            }
            for (int replica = 0; replica < settings.numStandbyReplicas(); replica++) {
                clients.keySet().stream()
                        .filter(client -> !client.equals(owners.get(task))
                                && !standbys.get(client).contains(task)
                                && !warmups.get(client).contains(task))
                        .min(Comparator.comparingLong((String client) -> caughtUp(client, task) ? 0 : lag(client, task))
                                .thenComparingDouble(client -> load(client, kept(client)))
                                .thenComparing(client -> client))
                        .ifPresent(client -> standbys.get(client).add(task));
            }
        }
    }

    private int kept(String client) {
        return actives.get(client).size()
                + standbys.get(client).size()
                + warmups.get(client).size();
    }

    private Map<String, MemberTasks> toMembers() {
        Map<String, MemberTasks> byMember = new LinkedHashMap<>();
        for (Client client : clients.values()) {
            List<Member> members = client.members().stream()
                    .sorted(Comparator.comparing(Member::memberId))
                    .toList();
            Map<String, Set<TaskId>> memberActives = spread(actives.get(client.processId()), members, Map.of());
            Map<String, Integer> activeCounts = new HashMap<>();
            memberActives.forEach((member, run) -> activeCounts.put(member, run.size()));
            Set<TaskId> replicas = new TreeSet<>(standbys.get(client.processId()));
            replicas.addAll(warmups.get(client.processId()));
            Map<String, Set<TaskId>> memberReplicas = spread(replicas, members, activeCounts);
            for (Member member : members) {
                Set<TaskId> kept = memberReplicas.get(member.memberId());
                Set<TaskId> memberStandbys = new TreeSet<>(kept);
                memberStandbys.retainAll(standbys.get(client.processId()));
                Set<TaskId> memberWarmups = new TreeSet<>(kept);
                memberWarmups.retainAll(warmups.get(client.processId()));
                byMember.put(
                        member.memberId(),
                        new MemberTasks(
                                Set.copyOf(memberActives.get(member.memberId())),
                                Set.copyOf(memberStandbys),
                                Set.copyOf(memberWarmups)));
            }
        }
        return byMember;
    }

    /**
     * Spreads an instance's tasks over its threads: a task stays with the thread that ran it or kept its replica
     * while that thread has room, the rest go to the thread with the fewest.
     *
     * @param already what each thread has from an earlier spread, which counts towards its load
     */
    private static Map<String, Set<TaskId>> spread(
            Set<TaskId> tasks, List<Member> members, Map<String, Integer> already) {
        Map<String, Set<TaskId>> spread = new LinkedHashMap<>();
        members.forEach(member -> spread.put(member.memberId(), new TreeSet<>()));
        int total = tasks.size()
                + already.values().stream().mapToInt(Integer::intValue).sum();
        int room = (total + members.size() - 1) / members.size();
        Comparator<String> byLoad =
                Comparator.comparingInt((String member) -> spread.get(member).size() + already.getOrDefault(member, 0));
        List<TaskId> rest = new ArrayList<>();
        for (TaskId task : tasks) {
            members.stream()
                    .filter(member -> member.activeTasks().contains(task)
                            || member.replicaTasks().contains(task))
                    .map(Member::memberId)
                    .filter(member -> spread.get(member).size() + already.getOrDefault(member, 0) < room)
                    .findFirst()
                    .ifPresentOrElse(member -> spread.get(member).add(task), () -> rest.add(task));
        }
        for (TaskId task : rest) {
            String member =
                    spread.keySet().stream().min(byLoad.thenComparing(m -> m)).orElseThrow();
            spread.get(member).add(task);
        }
        return spread;
    }
}
