package io.rivulet.api.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.testing.KeyedOperatorHarness;

/** Time to live by the processing-time clock: expiry, what refreshes it, visibility, cleanup. */
class StateTtlTest {

    /** {@code "w:<v>"} writes, {@code "r"} reads the value, {@code "l:<v>"} adds to the list, {@code "m:<k>"} puts a map entry. */
    static final class TtlStates extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private final StateTtlConfig ttl;
        private transient ValueState<String> value;
        private transient ListState<String> list;
        private transient MapState<String, String> map;

        TtlStates(StateTtlConfig ttl) {
            this.ttl = ttl;
        }

        @Override
        public void open(RuntimeContext context) {
            ValueStateDescriptor<String> valueDescriptor = new ValueStateDescriptor<>("value", Serdes.string());
            ListStateDescriptor<String> listDescriptor = new ListStateDescriptor<>("list", Serdes.string());
            MapStateDescriptor<String, String> mapDescriptor =
                    new MapStateDescriptor<>("map", Serdes.string(), Serdes.string());
            valueDescriptor.enableTimeToLive(ttl);
            listDescriptor.enableTimeToLive(ttl);
            mapDescriptor.enableTimeToLive(ttl);
            value = context.getState(valueDescriptor);
            list = context.getListState(listDescriptor);
            map = context.getMapState(mapDescriptor);
        }

        @Override
        public void processElement(String command, Context ctx, Collector<String> out) {
            String argument = command.length() > 2 ? command.substring(2) : "";
            switch (command.charAt(0)) {
                case 'w' -> value.update(argument);
                case 'l' -> list.add(argument);
                case 'm' -> map.put(argument, argument);
                default -> out.collect(value.value() + " " + list.get() + " " + map.keys());
            }
        }
    }

    private static KeyedOperatorHarness<String, String, String> harness(StateTtlConfig ttl) throws Exception {
        return KeyedOperatorHarness.of(
                command -> "k", Serdes.string(), Serdes.string(), keyed -> keyed.process(new TtlStates(ttl)));
    }

    @ParameterizedTest(name = "{0}, {1}: write at 0, read at {2}, read at {3} -> {4} then {5}")
    @CsvSource({
        "OnCreateAndWrite, NeverReturnExpired, 5, 9, v, v",
        "OnCreateAndWrite, NeverReturnExpired, 5, 10, v, null",
        "OnReadAndWrite, NeverReturnExpired, 5, 10, v, v",
        "OnReadAndWrite, NeverReturnExpired, 10, 11, null, null",
        "OnCreateAndWrite, ReturnExpiredIfNotCleanedUp, 10, 11, v, null",
    })
    void aValueExpiresTtlAfterItsLastWriteOrAccess(
            StateTtlConfig.UpdateType update,
            StateTtlConfig.StateVisibility visibility,
            long firstRead,
            long secondRead,
            String first,
            String second)
            throws Exception {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(10))
                .setUpdateType(update)
                .setStateVisibility(visibility)
                .build();
        try (var harness = harness(ttl)) {
            harness.processElement("w:v", 0);
            harness.setProcessingTime(firstRead);
            harness.processElement("r", 0);
            harness.setProcessingTime(secondRead);
            harness.processElement("r", 0);
            assertThat(harness.output()).extracting(line -> line.split(" ")[0]).containsExactly(first, second);
        }
    }

    @Test
    void listAndMapEntriesExpireOneByOne() throws Exception {
        try (var harness =
                harness(StateTtlConfig.newBuilder(Duration.ofMillis(10)).build())) {
            harness.processElement("l:a", 0);
            harness.processElement("m:a", 0);
            harness.setProcessingTime(6);
            harness.processElement("l:b", 0);
            harness.processElement("m:b", 0);
            harness.setProcessingTime(12);
            harness.processElement("r", 0);
            assertThat(harness.output()).containsExactly("null [b] [b]");
        }
    }

    @Test
    void aBackgroundSweepRemovesExpiredEntriesThatAreNeverRead() throws Exception {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(10))
                .setStateVisibility(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp)
                .cleanupInBackground(Duration.ofMillis(5))
                .build();
        try (var harness = harness(ttl)) {
            harness.processElement("w:v", 0);
            harness.setProcessingTime(20);
            // Visible if still stored (ReturnExpiredIfNotCleanedUp): the sweep at 20 already removed it.
            harness.processElement("r", 0);
            assertThat(harness.output()).containsExactly("null [] []");
        }
    }

    /** Counts, per key over all its windows, the windows that fired, in global window state with a TTL. */
    static final class CountFiringsPerKey extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;
        private final StateTtlConfig ttl;

        CountFiringsPerKey(StateTtlConfig ttl) {
            this.ttl = ttl;
        }

        @Override
        public void process(String key, Context context, Iterable<Long> elements, Collector<String> out) {
            ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("firings", Serdes.longs(), 0L);
            descriptor.enableTimeToLive(ttl);
            ValueState<Long> firings = context.globalState().getState(descriptor);
            firings.update(firings.value() + 1);
            out.collect(context.window() + " firings=" + firings.value());
        }
    }

    @Test
    void aBackgroundSweepReachesTheStateOfWindowFunctionsToo() throws Exception {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMillis(10))
                .setStateVisibility(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp)
                .cleanupInBackground(Duration.ofMillis(5))
                .build();
        try (KeyedOperatorHarness<String, Long, String> harness = KeyedOperatorHarness.of(
                value -> "k",
                Serdes.string(),
                Serdes.longs(),
                keyed -> keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                        .process(new CountFiringsPerKey(ttl)))) {
            harness.processElement(1L, 1);
            harness.processWatermark(9);
            harness.setProcessingTime(20);
            // Still stored, the count would be visible (ReturnExpiredIfNotCleanedUp): the sweep at 20 removed it.
            harness.processElement(11L, 11);
            harness.processWatermark(19);
            assertThat(harness.output())
                    .containsExactly("TimeWindow{start=0, end=10} firings=1", "TimeWindow{start=10, end=20} firings=1");
        }
    }
}
