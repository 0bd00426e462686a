package io.rivulet.internal.runtime.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.rivulet.internal.runtime.state.TaskId;

/**
 * The leader's placement, on the shape of the wordcount job: sub-topology 0 (split lines, stateless) and
 * sub-topology 1 (count per word, stateful), four partitions each.
 */
class TaskPlacementTest {

    private static final List<TaskId> TASKS = List.of(
            new TaskId(0, 0),
            new TaskId(0, 1),
            new TaskId(0, 2),
            new TaskId(0, 3),
            new TaskId(1, 0),
            new TaskId(1, 1),
            new TaskId(1, 2),
            new TaskId(1, 3));
    private static final Set<TaskId> STATEFUL =
            Set.of(new TaskId(1, 0), new TaskId(1, 1), new TaskId(1, 2), new TaskId(1, 3));

    private static AssignmentSettings settings(int standbys, int warmups) {
        return new AssignmentSettings(standbys, 10_000, warmups, Duration.ofMinutes(10));
    }

    private static TaskId task(String id) {
        return TaskId.parse(id).orElseThrow();
    }

    private static Set<TaskId> tasks(String... ids) {
        Set<TaskId> tasks = new TreeSet<>();
        for (String id : ids) {
            tasks.add(task(id));
        }
        return tasks;
    }

    /** One single-thread instance that ran {@code active}, with the given lags (0 for what it ran). */
    private static TaskPlacement.Client client(String process, Set<TaskId> active, Map<TaskId, Long> lags) {
        Map<TaskId, Long> all = new HashMap<>(lags);
        active.stream().filter(STATEFUL::contains).forEach(task -> all.put(task, 0L));
        return new TaskPlacement.Client(
                process, List.of(new TaskPlacement.Member(process + "-1", active, Set.of())), all);
    }

    /** The lags of an instance whose copies of every stateful task are far beyond the acceptable recovery lag. */
    private static Map<TaskId, Long> farBehindOnEveryTask() {
        Map<TaskId, Long> lags = new HashMap<>();
        STATEFUL.forEach(task -> lags.put(task, 1_000_000L));
        return lags;
    }

    private static Map<String, Set<TaskId>> activesByProcess(Map<String, TaskPlacement.MemberTasks> placed) {
        Map<String, Set<TaskId>> byProcess = new HashMap<>();
        placed.forEach((member, tasks) -> byProcess
                .computeIfAbsent(member.substring(0, member.lastIndexOf('-')), p -> new TreeSet<>())
                .addAll(tasks.actives()));
        return byProcess;
    }

    private static void assertEveryTaskRunsOnce(Map<String, TaskPlacement.MemberTasks> placed) {
        List<TaskId> run = new ArrayList<>();
        placed.values().forEach(tasks -> run.addAll(tasks.actives()));
        assertThat(run).containsExactlyInAnyOrderElementsOf(TASKS);
    }

    @Test
    void aNewGroupSpreadsEverySubTopologyEvenly() {
        Map<String, TaskPlacement.MemberTasks> placed = TaskPlacement.place(
                TASKS,
                STATEFUL,
                List.of(
                        client("a", Set.of(), Map.of()),
                        client("b", Set.of(), Map.of()),
                        client("c", Set.of(), Map.of())),
                settings(0, 2));

        assertEveryTaskRunsOnce(placed);
        activesByProcess(placed).values().forEach(run -> {
            assertThat(run.size()).isBetween(2, 3);
            assertThat(run.stream().filter(STATEFUL::contains).count()).isBetween(1L, 2L);
        });
    }

    @Test
    void tasksStayWhereTheyRanWhenTheGroupIsBalanced() {
        Set<TaskId> a = tasks("0_0", "0_3", "1_2");
        Set<TaskId> b = tasks("0_1", "1_0", "1_3");
        Set<TaskId> c = tasks("0_2", "1_1");
        Map<String, TaskPlacement.MemberTasks> placed = TaskPlacement.place(
                TASKS,
                STATEFUL,
                List.of(client("a", a, Map.of()), client("b", b, Map.of()), client("c", c, Map.of())),
                settings(1, 2));

        assertThat(activesByProcess(placed)).isEqualTo(Map.of("a", a, "b", b, "c", c));
    }

    @Test
    void aFailedInstancesStatefulTasksGoToTheirCaughtUpStandbysAndItsStatelessTasksEvenTheLoad() {
        // "c" failed; it ran 1_1 and 1_3, whose standbys were on "a" (1_1, 40 records behind) and "b" (1_3, 0).
        Map<String, TaskPlacement.MemberTasks> placed = TaskPlacement.place(
                TASKS,
                STATEFUL,
                List.of(
                        client("a", tasks("0_0", "0_1", "1_0"), Map.of(task("1_1"), 40L)),
                        client("b", tasks("0_2", "0_3", "1_2"), Map.of(task("1_3"), 0L))),
                settings(1, 2));

        assertEveryTaskRunsOnce(placed);
        Map<String, Set<TaskId>> actives = activesByProcess(placed);
        assertThat(actives.get("a")).contains(task("1_1")).hasSize(4);
        assertThat(actives.get("b")).contains(task("1_3")).hasSize(4);
    }

    @Test
    void withNoCaughtUpCopyATaskGoesToTheMostCaughtUpOne() {
        Map<String, TaskPlacement.MemberTasks> placed = TaskPlacement.place(
                List.of(task("1_0")),
                STATEFUL,
                List.of(
                        client("a", Set.of(), Map.of(task("1_0"), 50_000L)),
                        client("b", Set.of(), Map.of(task("1_0"), 20_000L)),
                        client("c", Set.of(), Map.of())),
                settings(0, 2));

        assertThat(activesByProcess(placed).get("b")).containsExactly(task("1_0"));
    }

    @Test
    void aNewInstanceTakesStatelessTasksAtOnceAndWarmsUpStatefulOnesWhileTheyKeepRunning() {
        Set<TaskId> a = tasks("0_0", "0_1", "1_0");
        Set<TaskId> b = tasks("0_2", "1_1", "1_2");
        Set<TaskId> c = tasks("0_3", "1_3");
        Map<TaskId, Long> far = farBehindOnEveryTask();
        List<TaskPlacement.Client> group =
                List.of(client("a", a, far), client("b", b, far), client("c", c, far), client("d", Set.of(), far));

        Map<String, TaskPlacement.MemberTasks> placed = TaskPlacement.place(TASKS, STATEFUL, group, settings(0, 1));

        assertEveryTaskRunsOnce(placed);
        Map<String, Set<TaskId>> actives = activesByProcess(placed);
        assertThat(actives.get("d")).isNotEmpty().allMatch(task -> !STATEFUL.contains(task));
        for (String process : List.of("a", "b", "c")) {
            Set<TaskId> statefulBefore = new HashSet<>(group.stream()
                    .filter(client -> client.processId().equals(process))
                    .findFirst()
                    .orElseThrow()
                    .members()
                    .get(0)
                    .activeTasks());
            statefulBefore.retainAll(STATEFUL);
            assertThat(actives.get(process)).containsAll(statefulBefore);
        }
        assertThat(placed.get("d-1").warmups()).hasSize(1).allMatch(STATEFUL::contains);
    }

    @Test
    void aCaughtUpWarmupTakesItsTaskOver() {
        Set<TaskId> a = tasks("0_0", "1_0", "1_1");
        Set<TaskId> b = tasks("0_1", "1_2", "1_3");
        Set<TaskId> d = tasks("0_2", "0_3");
        Map<TaskId, Long> dLags = farBehindOnEveryTask();
        dLags.put(task("1_0"), 120L);

        Map<String, TaskPlacement.MemberTasks> placed = TaskPlacement.place(
                TASKS,
                STATEFUL,
                List.of(client("a", a, Map.of()), client("b", b, Map.of()), client("d", d, dLags)),
                settings(0, 1));

        Map<String, Set<TaskId>> actives = activesByProcess(placed);
        assertThat(actives.get("d")).contains(task("1_0"));
        assertThat(actives.get("a")).doesNotContain(task("1_0"));
    }

    @Test
    void everyStatefulTaskGetsItsStandbysElsewhereOnTheMostCaughtUpInstances() {
        Set<TaskId> a = tasks("0_0", "0_3", "1_2");
        Set<TaskId> b = tasks("0_1", "1_0", "1_3");
        Set<TaskId> c = tasks("0_2", "1_1");
        Map<String, TaskPlacement.MemberTasks> placed = TaskPlacement.place(
                TASKS,
                STATEFUL,
                List.of(
                        client("a", a, Map.of(task("1_1"), 3L)),
                        client("b", b, Map.of()),
                        client("c", c, Map.of(task("1_2"), 0L, task("1_0"), 9L))),
                settings(1, 2));

        Map<TaskId, List<String>> standbyHolders = new HashMap<>();
        placed.forEach((member, tasks) -> tasks.standbys()
                .forEach(task -> standbyHolders
                        .computeIfAbsent(task, t -> new ArrayList<>())
                        .add(member)));
        assertThat(standbyHolders).containsOnlyKeys(STATEFUL);
        standbyHolders.forEach((task, holders) -> {
            assertThat(holders).hasSize(1);
            assertThat(placed.get(holders.get(0)).actives()).doesNotContain(task);
        });
        assertThat(standbyHolders.get(task("1_1"))).containsExactly("a-1");
        assertThat(standbyHolders.get(task("1_2"))).containsExactly("c-1");
        assertThat(standbyHolders.get(task("1_0"))).containsExactly("c-1");
    }

    @Test
    void withinAnInstanceTasksStayWithTheirThreadAndTheRestEvenOut() {
        TaskPlacement.Client two = new TaskPlacement.Client(
                "a",
                List.of(
                        new TaskPlacement.Member("a-1", tasks("0_0", "1_0"), Set.of()),
                        new TaskPlacement.Member("a-2", tasks("0_1"), tasks("1_1"))),
                Map.of(task("1_0"), 0L, task("1_1"), 0L));

        Map<String, TaskPlacement.MemberTasks> placed =
                TaskPlacement.place(TASKS, STATEFUL, List.of(two), settings(0, 2));

        assertEveryTaskRunsOnce(placed);
        assertThat(placed.get("a-1").actives())
                .contains(task("0_0"), task("1_0"))
                .hasSize(4);
        assertThat(placed.get("a-2").actives())
                .contains(task("0_1"), task("1_1"))
                .hasSize(4);
    }
}
