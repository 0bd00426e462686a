package io.rivulet.internal.runtime.task;

import org.apache.kafka.common.TopicPartition;

import io.rivulet.internal.runtime.changelog.TaskStateManager;
import io.rivulet.internal.runtime.state.TaskId;

/**
 * A copy of another instance's task: the task's store, kept up to date from its changelogs (read_committed) by the
 * changelog reader, with no operators and no input. When the task fails over here it restores only the changelog
 * records the copy has not applied yet. A warm-up replica is a standby that the group placed ahead of moving the
 * task here.
 *
 * @param input the partition the task reads where it is active, which locates its keys
 */
public record StandbyTask(TaskId id, TopicPartition input, TaskStateManager stateManager) {

    public void close() {
        stateManager.close();
    }
}
