package io.rivulet.internal.runtime.thread;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.internal.runtime.savepoint.ControlRecords.MemberReport;
import io.rivulet.internal.runtime.savepoint.ControlRecords.Phase;
import io.rivulet.internal.runtime.savepoint.Directive;
import io.rivulet.internal.runtime.savepoint.SavepointControl;
import io.rivulet.internal.runtime.task.Task;

/**
 * A stream thread's part in savepoints. Before every poll it follows the instance's {@link Directive}: to
 * drain, it pauses its input partitions (repartition partitions keep flowing) and reports once it is quiet; to
 * freeze, it commits, reports where it stands and then lets nothing be processed or committed; once the
 * savepoint is done it resumes, or stays stopped after a savepoint with stop.
 */
public final class SavepointParticipant {

    private static final Logger LOG = LoggerFactory.getLogger(SavepointParticipant.class);

    private final String threadName;
    private final SavepointControl control;
    private final Set<String> inputTopics;
    private final Set<String> repartitionTopics;
    private final Set<TopicPartition> paused = new HashSet<>();
    private String lastReport;

    public SavepointParticipant(
            String threadName, SavepointControl control, Set<String> inputTopics, Set<String> repartitionTopics) {
        this.threadName = threadName;
        this.control = control;
        this.inputTopics = Set.copyOf(inputTopics);
        this.repartitionTopics = Set.copyOf(repartitionTopics);
    }

    /**
     * Applies the directive before a poll.
     *
     * @return whether the thread may process, fire timers, emit watermarks and commit in this iteration
     */
    public boolean beforePoll(KafkaConsumer<byte[], byte[]> consumer, TaskManager tasks) {
        Directive directive = control.directive();
        if (!directive.pausesInput() && paused.isEmpty()) {
            lastReport = null;
            return true;
        }
        Set<TopicPartition> assignment = consumer.assignment();
        Set<TopicPartition> toPause = new HashSet<>();
        for (TopicPartition partition : assignment) {
            if (directive.pausesEverything() || (directive.pausesInput() && inputTopics.contains(partition.topic()))) {
                toPause.add(partition);
            }
        }
        Set<TopicPartition> toResume = new HashSet<>(paused);
        toResume.removeAll(toPause);
        resume(consumer, tasks, toResume);
        consumer.pause(toPause);
        paused.addAll(toPause);
        if (!directive.pausesInput()) {
            lastReport = null;
            return true;
        }
        if (directive.kind() == Directive.Kind.STOPPED) {
            lastReport = null;
            return false;
        }
        Phase phase = directive.kind() == Directive.Kind.FREEZE ? Phase.FREEZE : Phase.DRAIN;
        String reportKey = directive.savepointId() + "/" + directive.round() + "/" + phase + "/" + assignment;
        if (reportKey.equals(lastReport)) {
            return phase == Phase.DRAIN;
        }
        if (!tasks.commit()) {
            return phase == Phase.DRAIN;
        }
        boolean quiet = !tasks.restoring() && tasks.tasks().stream().noneMatch(Task::hasQueuedRecords);
        Map<String, Long> ends = new HashMap<>();
        List<TopicPartition> repartitions = assignment.stream()
                .filter(p -> repartitionTopics.contains(p.topic()))
                .toList();
        if (!repartitions.isEmpty()) {
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(repartitions);
            for (TopicPartition partition : repartitions) {
                long end = endOffsets.get(partition);
                ends.put(partition.toString(), end);
                quiet &= consumer.position(partition) >= end;
            }
        }
        if (phase == Phase.DRAIN && !quiet) {
            return true;
        }
        Set<String> inputs = new TreeSet<>();
        assignment.stream().filter(p -> inputTopics.contains(p.topic())).forEach(p -> inputs.add(p.toString()));
        control.report(new MemberReport(
                directive.savepointId(),
                directive.round(),
                phase,
                consumer.groupMetadata().memberId(),
                quiet,
                List.copyOf(inputs),
                ends));
        lastReport = reportKey;
        LOG.debug(
                "Stream thread {} reported {} of savepoint {} (quiet: {})",
                threadName,
                phase,
                directive.savepointId(),
                quiet);
        return phase == Phase.DRAIN;
    }

    /** Resumes what this participant paused and no longer should: partitions of restoring tasks stay paused. */
    private void resume(KafkaConsumer<byte[], byte[]> consumer, TaskManager tasks, Set<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Set<TopicPartition> running = new HashSet<>();
        for (Task task : tasks.tasks()) {
            if (task.state() == Task.State.RUNNING && partitions.contains(task.input())) {
                running.add(task.input());
            }
        }
        running.retainAll(consumer.assignment());
        consumer.resume(running);
        paused.removeAll(partitions);
        if (paused.isEmpty()) {
            LOG.info("Stream thread {} resumes processing", threadName);
        }
    }
}
