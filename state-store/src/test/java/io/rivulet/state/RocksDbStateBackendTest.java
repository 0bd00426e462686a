package io.rivulet.state;

import static io.rivulet.state.TaskStateStoreContractTest.b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbStateBackendTest {

    @TempDir
    Path dir;

    @Test
    void committedStateAndOffsetsSurviveReopenButUncommittedWritesDoNot() {
        try (StateBackend backend = new RocksDbStateBackend(dir)) {
            try (TaskStateStore store = backend.open("0_0")) {
                store.put("count/words", b("hello"), b("3"));
                store.commit(Map.of("app-count-changelog-0", 10L));
                store.put("count/words", b("hello"), b("4"));
                store.put("other/late", b("x"), b("y"));
            }
        }
        try (StateBackend backend = new RocksDbStateBackend(dir);
                TaskStateStore store = backend.open("0_0")) {
            assertThat(store.get("count/words", b("hello"))).isEqualTo(b("3"));
            assertThat(store.get("other/late", b("x"))).isNull();
            assertThat(store.committedOffsets()).isEqualTo(Map.of("app-count-changelog-0", 10L));
        }
    }

    @Test
    void aSecondBackendOnTheSameDirectoryIsLockedOut() {
        try (StateBackend first = new RocksDbStateBackend(dir);
                StateBackend second = new RocksDbStateBackend(dir)) {
            TaskStateStore store = first.open("0_0");
            assertThatThrownBy(() -> second.open("0_0"))
                    .isInstanceOf(StateStoreLockedException.class)
                    .hasMessageContaining(dir.resolve("0_0").toString());
            store.close();
            second.open("0_0").close();
        }
    }

    @Test
    void aNewProcessLearnsTheOffsetsOfClosedStoresWithoutOpeningThemAndAWipeForgetsThem() {
        try (StateBackend backend = new RocksDbStateBackend(dir)) {
            try (TaskStateStore store = backend.open("1_0")) {
                store.commit(Map.of("app-count-changelog-0", 120L));
            }
            try (TaskStateStore store = backend.open("1_1")) {
                store.commit(Map.of("app-count-changelog-1", 7L));
            }
        }
        try (StateBackend backend = new RocksDbStateBackend(dir)) {
            assertThat(backend.closedTaskOffsets())
                    .isEqualTo(Map.of(
                            "1_0", Map.of("app-count-changelog-0", 120L),
                            "1_1", Map.of("app-count-changelog-1", 7L)));
            TaskStateStore store = backend.open("1_1");
            store.wipe();
            assertThat(backend.closedTaskOffsets()).containsOnlyKeys("1_0");
            store.close();
            assertThat(backend.closedTaskOffsets()).containsEntry("1_1", Map.of());
        }
    }

    @Test
    void deleteRemovesTheTaskState() {
        try (StateBackend backend = new RocksDbStateBackend(dir)) {
            try (TaskStateStore store = backend.open("2_0")) {
                store.put("s", b("k"), b("v"));
                store.commit(Map.of("c", 1L));
            }
            backend.delete("2_0");
            try (TaskStateStore store = backend.open("2_0")) {
                assertThat(store.get("s", b("k"))).isNull();
                assertThat(store.committedOffsets()).isEmpty();
            }
        }
    }
}
