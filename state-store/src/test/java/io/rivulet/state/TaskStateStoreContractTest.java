package io.rivulet.state;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskStateStoreContractTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> backends() {
        Function<String, StateBackend> rocks = name -> new RocksDbStateBackend(dir.resolve(name));
        Function<String, StateBackend> memory = name -> new InMemoryStateBackend();
        return Stream.of(Arguments.of("rocksdb", rocks), Arguments.of("in-memory", memory));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void anotherThreadReadsWholeCommitsOnlyAndNothingOnceTheStoreIsClosed(
            String name, Function<String, StateBackend> backends) throws Exception {
        try (StateBackend backend = backends.apply(name + "-concurrent")) {
            TaskStateStore store = backend.open("0_0");
            store.put("s", b("a"), b("0"));
            store.put("s", b("b"), b("0"));
            store.commit(Map.of());
            store.put("s", b("a"), b("open"));
            assertThat(store.readCommitted("s", b("a")))
                    .as("the open transaction is not seen")
                    .isEqualTo(b("0"));
            store.abort();

            // The owner commits a and b together, a thousand times; a reader must never see them apart.
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<String> torn = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                while (!done.get() && torn.get() == null) {
                    NavigableMap<byte[], byte[]> both = store.readCommitted("s", b("a"), b("c"));
                    String a = new String(both.get(b("a")), UTF_8);
                    String b = new String(both.get(b("b")), UTF_8);
                    if (!a.equals(b)) {
                        torn.set("a=" + a + " b=" + b);
                    }
                }
            });
            reader.start();
            for (int i = 1; i <= 1_000; i++) {
                store.put("s", b("a"), b(String.valueOf(i)));
                store.put("s", b("b"), b(String.valueOf(i)));
                store.commit(Map.of());
            }
            done.set(true);
            reader.join();
            assertThat(torn.get()).as("a torn read").isNull();
            assertThat(store.readCommitted("s", b("b"))).isEqualTo(b("1000"));
            assertThat(store.readCommitted("none-such", b("a"))).isNull();

            store.close();
            assertThatThrownBy(() -> store.readCommitted("s", b("a")))
                    .isInstanceOf(StateStoreClosedException.class)
                    .hasMessageContaining("task 0_0");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void readsSeeBufferedWritesAndAbortDropsThem(String name, Function<String, StateBackend> backends) {
        try (StateBackend backend = backends.apply(name + "-abort");
                TaskStateStore store = backend.open("0_0")) {
            store.put("s", b("k"), b("v1"));
            assertThat(store.get("s", b("k"))).isEqualTo(b("v1"));
            store.abort();
            assertThat(store.get("s", b("k"))).isNull();
            assertThat(store.hasPendingWrites()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void commitPersistsWritesWithOffsetsAndPendingWritesAreLastWriteWins(
            String name, Function<String, StateBackend> backends) {
        try (StateBackend backend = backends.apply(name + "-commit");
                TaskStateStore store = backend.open("0_0")) {
            store.put("s", b("a"), b("1"));
            store.put("s", b("b"), b("1"));
            store.put("s", b("a"), b("2"));
            store.delete("s", b("b"));
            List<StateWrite> pending = store.pendingWrites();
            assertThat(pending).extracting(w -> new String(w.key(), UTF_8)).containsExactly("a", "b");
            assertThat(pending.get(0).value()).isEqualTo(b("2"));
            assertThat(pending.get(1).value()).isNull();

            store.commit(Map.of("changelog-0", 42L));
            assertThat(store.hasPendingWrites()).isFalse();
            assertThat(store.get("s", b("a"))).isEqualTo(b("2"));
            assertThat(store.get("s", b("b"))).isNull();
            assertThat(store.committedOffsets()).containsEntry("changelog-0", 42L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void rangeMergesCommittedAndBufferedInUnsignedOrder(String name, Function<String, StateBackend> backends) {
        try (StateBackend backend = backends.apply(name + "-range");
                TaskStateStore store = backend.open("0_0")) {
            byte[] prefix = {(byte) 0xFF};
            store.put("s", new byte[] {(byte) 0xFF, 2}, b("committed-2"));
            store.put("s", new byte[] {(byte) 0xFF, 3}, b("committed-3"));
            store.put("s", new byte[] {0x01}, b("outside"));
            store.commit(Map.of());
            store.put("s", new byte[] {(byte) 0xFF, 1}, b("buffered-1"));
            store.delete("s", new byte[] {(byte) 0xFF, 3});
            store.put("s", new byte[] {(byte) 0xFF, (byte) 0x80}, b("buffered-80"));

            List<String> values = new ArrayList<>();
            try (StateIterator it = store.range("s", prefix)) {
                it.forEachRemaining(e -> values.add(new String(e.getValue(), UTF_8)));
            }
            assertThat(values).containsExactly("buffered-1", "committed-2", "buffered-80");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void committedEntriesStreamsAWholeStateInUnsignedOrderWithoutTheBuffer(
            String name, Function<String, StateBackend> backends) {
        try (StateBackend backend = backends.apply(name + "-committed");
                TaskStateStore store = backend.open("0_0")) {
            try (StateIterator none = store.committedEntries("never-written")) {
                assertThat(none.hasNext()).isFalse();
            }
            store.put("s", new byte[] {(byte) 0x90}, b("committed-90"));
            store.put("s", new byte[] {0x01}, b("committed-01"));
            store.put("other", new byte[] {0x02}, b("other state"));
            store.commit(Map.of());
            store.put("s", new byte[] {0x05}, b("buffered"));
            store.restore("changelog-0", List.of(new StateWrite("s", new byte[] {0x40}, b("restored-40"))), 7L);

            List<String> values = new ArrayList<>();
            try (StateIterator it = store.committedEntries("s")) {
                it.forEachRemaining(e -> values.add(new String(e.getValue(), UTF_8)));
            }
            assertThat(values).containsExactly("committed-01", "restored-40", "committed-90");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void theEstimatedSizeGrowsWithTheCommittedState(String name, Function<String, StateBackend> backends) {
        try (StateBackend backend = backends.apply(name + "-size");
                TaskStateStore store = backend.open("0_0")) {
            long empty = store.estimatedSizeBytes();
            for (int i = 0; i < 1_000; i++) {
                store.put("s", b("key-" + i), new byte[100]);
            }
            store.commit(Map.of());
            assertThat(store.estimatedSizeBytes()).isGreaterThanOrEqualTo(empty + 100_000);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void boundedRangeReturnsOnlyKeysFromInclusiveToExclusive(String name, Function<String, StateBackend> backends) {
        try (StateBackend backend = backends.apply(name + "-bounded");
                TaskStateStore store = backend.open("0_0")) {
            for (int i = 0; i < 10; i++) {
                store.put("s", new byte[] {7, (byte) i}, b("committed-" + i));
            }
            store.commit(Map.of());
            store.delete("s", new byte[] {7, 4});
            store.put("s", new byte[] {7, 5}, b("buffered-5"));
            store.put("s", new byte[] {7, 2}, b("buffered-2"));
            store.put("s", new byte[] {7, 3, 0}, b("buffered-3-0"));

            List<String> values = new ArrayList<>();
            try (StateIterator it = store.range("s", new byte[] {7, 3}, new byte[] {7, 6})) {
                it.forEachRemaining(e -> values.add(new String(e.getValue(), UTF_8)));
            }
            assertThat(values).containsExactly("committed-3", "buffered-3-0", "buffered-5");

            List<String> tail = new ArrayList<>();
            try (StateIterator it = store.range("s", new byte[] {7, 8}, null)) {
                it.forEachRemaining(e -> tail.add(new String(e.getValue(), UTF_8)));
            }
            assertThat(tail).containsExactly("committed-8", "committed-9");

            try (StateIterator it = store.range("s", new byte[] {7, 6}, new byte[] {7, 3})) {
                assertThat(it.hasNext())
                        .as("a range whose end is before its start")
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void restoreAppliesRecordsAndOffsetTogether(String name, Function<String, StateBackend> backends) {
        try (StateBackend backend = backends.apply(name + "-restore");
                TaskStateStore store = backend.open("1_0")) {
            store.restore(
                    "cl-0", List.of(new StateWrite("s", b("k"), b("v")), new StateWrite("s", b("gone"), null)), 7);
            assertThat(store.get("s", b("k"))).isEqualTo(b("v"));
            assertThat(store.committedOffsets()).isEqualTo(Map.of("cl-0", 7L));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void wipeLeavesNothingCommittedNorBuffered(String name, Function<String, StateBackend> backends) {
        try (StateBackend backend = backends.apply(name + "-wipe");
                TaskStateStore store = backend.open("2_0")) {
            store.restore("cl-0", List.of(new StateWrite("s", b("k"), b("v")), new StateWrite("t", b("k"), b("w"))), 7);
            store.put("s", b("pending"), b("x"));
            store.wipe();
            assertThat(store.get("s", b("k"))).isNull();
            assertThat(store.get("t", b("k"))).isNull();
            assertThat(store.get("s", b("pending"))).isNull();
            assertThat(store.committedOffsets()).isEmpty();
            assertThat(store.hasPendingWrites()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aTaskCannotBeOpenedTwice(String name, Function<String, StateBackend> backends) {
        try (StateBackend backend = backends.apply(name + "-lock")) {
            TaskStateStore first = backend.open("0_1");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> backend.open("0_1"))
                    .isInstanceOf(StateStoreLockedException.class)
                    .hasMessageContaining("0_1");
            first.close();
            backend.open("0_1").close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void closedTasksReportTheOffsetsTheirStoresCommittedAndOpenOnesAreLeftOut(
            String name, Function<String, StateBackend> backends) {
        try (StateBackend backend = backends.apply(name + "-closed-offsets")) {
            try (TaskStateStore store = backend.open("1_0")) {
                store.put("s", b("k"), b("v"));
                store.commit(Map.of("app-s-changelog-0", 41L));
                store.restore("app-t-changelog-0", List.of(new StateWrite("t", b("k"), b("w"))), 9);
            }
            TaskStateStore open = backend.open("1_1");
            open.commit(Map.of("app-s-changelog-1", 3L));

            assertThat(backend.closedTaskOffsets())
                    .isEqualTo(Map.of("1_0", Map.of("app-s-changelog-0", 41L, "app-t-changelog-0", 9L)));

            open.close();
            assertThat(backend.closedTaskOffsets()).containsEntry("1_1", Map.of("app-s-changelog-1", 3L));
        }
    }

    static byte[] b(String s) {
        return s.getBytes(UTF_8);
    }
}
