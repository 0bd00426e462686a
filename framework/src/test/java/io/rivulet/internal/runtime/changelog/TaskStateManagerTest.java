package io.rivulet.internal.runtime.changelog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.internal.runtime.task.InMemoryRecordOutput;
import io.rivulet.internal.state.StateNames;
import io.rivulet.state.InMemoryStateBackend;
import io.rivulet.state.StateWrite;
import io.rivulet.state.TaskStateStore;

class TaskStateManagerTest {

    private static final TaskId TASK = new TaskId(1, 2);
    private static final String COUNTS = StateNames.of("count", "value");
    private static final TopicPartition CHANGELOG = new TopicPartition("app-count-changelog", 2);
    private static final ConsumerGroupMetadata GROUP = new ConsumerGroupMetadata("app");

    private final InMemoryStateBackend backend = new InMemoryStateBackend();
    private final InMemoryRecordOutput output = new InMemoryRecordOutput();
    private final TaskStateStore store = backend.open(TASK.toString());
    private final TaskStateManager state = new TaskStateManager(TASK, store, Map.of("count", CHANGELOG));

    @AfterEach
    void close() {
        state.close();
        backend.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    @Test
    void aCommittedTransactionAppliesTheStateWithWhereTheChangelogEnds() {
        store.put(COUNTS, bytes("a"), bytes("1"));
        store.put(COUNTS, bytes("b"), bytes("2"));
        assertThat(state.hasPendingWrites()).isTrue();

        state.sendChangelog(output);
        assertThat(output.pending()).hasSize(2).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(CHANGELOG.topic());
            assertThat(record.partition()).isEqualTo(CHANGELOG.partition());
        });
        assertThat(ChangelogFormat.decode(
                                output.pending().get(0).key(),
                                output.pending().get(0).value())
                        .stateName())
                .isEqualTo(COUNTS);
        assertThat(state.committedOffset(CHANGELOG))
                .as("nothing applied before the commit")
                .isZero();

        state.completeCommit(output.commit(Map.of(), GROUP, offsets -> {}));
        assertThat(state.hasPendingWrites()).isFalse();
        assertThat(state.committedOffset(CHANGELOG)).isEqualTo(2);
        assertThat(store.get(COUNTS, bytes("b"))).isEqualTo(bytes("2"));
    }

    @Test
    void anAbortedTransactionLeavesTheCommittedStateAsItWas() {
        store.put(COUNTS, bytes("a"), bytes("1"));
        state.sendChangelog(output);
        state.completeCommit(output.commit(Map.of(), GROUP, offsets -> {}));

        store.put(COUNTS, bytes("a"), bytes("2"));
        state.sendChangelog(output);
        output.abort();
        state.abort();

        assertThat(state.hasPendingWrites()).isFalse();
        assertThat(store.get(COUNTS, bytes("a"))).isEqualTo(bytes("1"));
        assertThat(state.committedOffset(CHANGELOG)).isEqualTo(1);
        state.completeCommit(output.commit(Map.of(), GROUP, offsets -> {}));
        assertThat(state.committedOffset(CHANGELOG))
                .as("a commit without changelog records moves nothing")
                .isEqualTo(1);
    }

    @Test
    void restoredRecordsReachTheStoreWithTheirPositionAndAWipeForgetsBoth() {
        state.restore(
                CHANGELOG,
                List.of(new StateWrite(COUNTS, bytes("a"), bytes("7")), new StateWrite(COUNTS, bytes("b"), null)),
                12);
        assertThat(store.get(COUNTS, bytes("a"))).isEqualTo(bytes("7"));
        assertThat(state.committedOffset(CHANGELOG)).isEqualTo(12);

        state.wipe();
        assertThat(store.get(COUNTS, bytes("a"))).isNull();
        assertThat(state.committedOffset(CHANGELOG)).isZero();
    }

    @Test
    void aTaskWithoutStateHasNothingToSendOrApply() {
        TaskStateManager stateless = new TaskStateManager(TASK, null, Map.of());
        assertThat(stateless.stateful()).isFalse();
        assertThat(stateless.hasPendingWrites()).isFalse();
        stateless.sendChangelog(output);
        stateless.completeCommit(Map.of());
        stateless.abort();
        assertThat(output.pending()).isEmpty();
    }
}
