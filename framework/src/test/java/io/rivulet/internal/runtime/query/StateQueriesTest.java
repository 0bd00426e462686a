package io.rivulet.internal.runtime.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.query.KeyLocation;
import io.rivulet.api.query.KeyQueryResult;
import io.rivulet.api.query.WindowedContents;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.AggregatingState;
import io.rivulet.api.state.AggregatingStateDescriptor;
import io.rivulet.api.state.ListState;
import io.rivulet.api.state.ListStateDescriptor;
import io.rivulet.api.state.MapState;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.runtime.RuntimeConfigs;
import io.rivulet.internal.runtime.StreamsRuntime;
import io.rivulet.testfunctions.CountElements;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * Interactive queries of each kind of keyed state, on a real broker: the committed value of a key (a long key, read
 * from its text form), a list's elements in order, a map's entries, an aggregating state's result; and what a query
 * that cannot be answered says.
 */
@WithKafkaCluster
class StateQueriesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path stateDir;

    /** {@code "<account>:<amount>"}: per account the last amount, every amount, sums by parity and the total. */
    static final class Ledger extends KeyedProcessFunction<Long, String, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> last;
        private transient ListState<Long> amounts;
        private transient MapState<String, Long> byParity;
        private transient AggregatingState<Long, String> total;

        @Override
        public void open(RuntimeContext context) {
            last = context.getState(new ValueStateDescriptor<>("last", Serdes.longs()));
            amounts = context.getListState(new ListStateDescriptor<>("amounts", Serdes.longs()));
            byParity = context.getMapState(new MapStateDescriptor<>("by-parity", Serdes.string(), Serdes.longs()));
            total = context.getAggregatingState(new AggregatingStateDescriptor<>("total", new Total(), Serdes.longs()));
        }

        @Override
        public void processElement(String entry, Context ctx, Collector<String> out) throws Exception {
            long amount = Long.parseLong(entry.substring(entry.indexOf(':') + 1));
            last.update(amount);
            amounts.add(amount);
            String parity = amount % 2 == 0 ? "even" : "odd";
            Long sum = byParity.get(parity);
            byParity.put(parity, (sum == null ? 0 : sum) + amount);
            total.add(amount);
            out.collect(entry);
        }
    }

    static final class Total implements AggregateFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long accumulator) {
            return accumulator + value;
        }

        @Override
        public String getResult(Long accumulator) {
            return "total " + accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    @Test
    void eachKindOfStateAnswersItsCommittedValueAndAQueryThatCannotBeAnsweredSaysWhy(KafkaCluster kafka)
            throws Exception {
        kafka.createTopic("ledger-in", 3);
        kafka.createTopic("ledger-out", 1);
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values("ledger-in", Serdes.string()))
                .keyBy(entry -> Long.valueOf(entry.substring(0, entry.indexOf(':'))), Serdes.longs(), Serdes.string())
                .process(new Ledger())
                .uid("ledger")
                .sinkTo(KafkaSink.values("ledger-out", Serdes.string()));
        List<String> entries = new ArrayList<>();
        for (int account = 1; account <= 5; account++) {
            for (int amount = 1; amount <= 4; amount++) {
                entries.add(account + ":" + amount * account);
            }
        }
        try (StreamsRuntime runtime = StreamsRuntime.start(
                RuntimeConfigs.exactlyOnce("ledger", kafka.bootstrapServers(), stateDir),
                JobGraphs.of(job),
                error -> {})) {
            TestRecords.produceValues(kafka.bootstrapServers(), "ledger-in", entries);
            assertThat(TestRecords.readCommitted(kafka.bootstrapServers(), "ledger-out", entries.size(), TIMEOUT))
                    .hasSize(entries.size());
            StateQueries queries = runtime.stateQueries();

            assertFound(queries.get("ledger", "last", "3", QueryOptions.LATEST), "3", "12");
            assertFound(queries.get("ledger", "amounts", " 3 ", QueryOptions.LATEST), "3", "[3,6,9,12]");
            assertFound(
                    queries.get("ledger", "by-parity", "3", QueryOptions.LATEST),
                    "3",
                    "[{\"key\":\"even\",\"value\":18},{\"key\":\"odd\",\"value\":12}]");
            assertFound(queries.get("ledger", "total", "5", QueryOptions.LATEST), "5", "\"total 50\"");

            // The same, typed, as a service's own code asks through KeyedStateQueries.
            ValueStateDescriptor<Long> lastAmount = new ValueStateDescriptor<>("last", Serdes.longs());
            MapStateDescriptor<String, Long> parities =
                    new MapStateDescriptor<>("by-parity", Serdes.string(), Serdes.longs());
            assertThat(queries.value("ledger", lastAmount, 4L)).isEqualTo(new KeyQueryResult.Found<>(16L));
            assertThat(queries.value("ledger", lastAmount, 99L)).isEqualTo(new KeyQueryResult.Absent<>());
            assertThat(queries.map("ledger", parities, 1L))
                    .isEqualTo(new KeyQueryResult.Found<>(Map.of("even", 6L, "odd", 4L)));
            assertThat(queries.locate("ledger", 2L)).isEqualTo(new KeyLocation.Local(runtime.processId()));
            assertThat(queries.range("ledger", lastAmount, 2L, 5L))
                    .as("keys 2, 3 and 4: from inclusive, to exclusive, in key order")
                    .containsExactly(Map.entry(2L, 8L), Map.entry(3L, 12L), Map.entry(4L, 16L));
            assertThat(queries.rangeOfMaps("ledger", parities, 5L, 100L))
                    .containsExactly(Map.entry(5L, Map.of("even", 30L, "odd", 20L)));
            assertThatThrownBy(() -> queries.value("audit", lastAmount, 1L))
                    .hasMessage("the job has no operator with uid 'audit' and keyed state");

            assertThat(queries.get("ledger", "last", "99", QueryOptions.LATEST))
                    .isEqualTo(new QueryResult.NotFound("key '99' has no value in state 'last' of operator 'ledger'"));
            assertThat(queries.get("ledger", "balance", "3", QueryOptions.LATEST))
                    .isEqualTo(new QueryResult.NotFound("operator 'ledger' has no keyed state named 'balance'"));
            assertThat(queries.get("audit", "last", "3", QueryOptions.LATEST))
                    .isEqualTo(new QueryResult.NotFound("the job has no operator with uid 'audit' and keyed state"));
            assertThat(queries.get("ledger", "last", "three", QueryOptions.LATEST))
                    .isEqualTo(new QueryResult.InvalidKey(
                            "'three' is not a key of operator 'ledger': 'three' is not a long"));
        }
    }

    @Test
    void aWindowOperatorShowsEachOpenWindowOfAKeyWithWhatItHolds(KafkaCluster kafka) {
        kafka.createTopic("clicks-in", 2);
        kafka.createTopic("clicks-out", 1);
        JobBuilder job = new JobBuilder();
        // An hour of allowed disorder: no window of these few seconds fires, so all of them stay open.
        job.fromSource(
                        KafkaSource.values("clicks-in", Serdes.string()),
                        WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofHours(1))
                                .withTimestampAssigner((click, ts) -> Long.parseLong(click.split(",")[1])))
                .keyBy(click -> click.split(",")[0], Serdes.string(), Serdes.string())
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .aggregate(new CountElements<String>(), Serdes.longs())
                .uid("clicks-per-window")
                .map(count -> Long.toString(count))
                .sinkTo(KafkaSink.values("clicks-out", Serdes.string()));
        List<String> clicks = new ArrayList<>();
        for (long second = 0; second < 30; second++) {
            clicks.add("ann," + second * 1_000);
            if (second % 3 == 0) {
                clicks.add("bob," + second * 1_000);
            }
        }
        try (StreamsRuntime runtime = StreamsRuntime.start(
                RuntimeConfigs.exactlyOnce("clicks", kafka.bootstrapServers(), stateDir),
                JobGraphs.of(job),
                error -> {})) {
            TestRecords.produceValues(kafka.bootstrapServers(), "clicks-in", clicks);
            StateQueries queries = runtime.stateQueries();
            List<WindowedContents<Long>> expected = List.of(
                    new WindowedContents<>(new TimeWindow(0, 10_000), 4L),
                    new WindowedContents<>(new TimeWindow(10_000, 20_000), 3L),
                    new WindowedContents<>(new TimeWindow(20_000, 30_000), 3L));
            Await.until(
                    TIMEOUT,
                    "bob's three open windows hold his clicks",
                    () -> new KeyQueryResult.Found<>(expected).equals(queries.windows("clicks-per-window", "bob")));
            assertThat(queries.windows("clicks-per-window", "ann"))
                    .isEqualTo(new KeyQueryResult.Found<>(List.of(
                            new WindowedContents<>(new TimeWindow(0, 10_000), 10L),
                            new WindowedContents<>(new TimeWindow(10_000, 20_000), 10L),
                            new WindowedContents<>(new TimeWindow(20_000, 30_000), 10L))));
            assertThat(queries.windows("clicks-per-window", "cy")).isEqualTo(new KeyQueryResult.Absent<>());
            QueryResult json = queries.getWindows("clicks-per-window", "bob", QueryOptions.LATEST);
            assertFound(
                    json,
                    "\"bob\"",
                    "[{\"window\":{\"start\":0,\"end\":10000},\"contents\":4},"
                            + "{\"window\":{\"start\":10000,\"end\":20000},\"contents\":3},"
                            + "{\"window\":{\"start\":20000,\"end\":30000},\"contents\":3}]");
        }
    }

    /** Compares JSON as text: a count read back is a long, a number in an expected text an int. */
    private static void assertFound(QueryResult result, String key, String valueJson) {
        assertThat(result).isInstanceOf(QueryResult.Found.class);
        QueryResult.Found found = (QueryResult.Found) result;
        assertThat(found.key().toString()).isEqualTo(key);
        assertThat(found.value().toString()).isEqualTo(valueJson);
    }
}
