package io.rivulet.conformance;

import static java.time.Duration.ofMillis;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.junit.jupiter.api.Test;

import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;
import io.rivulet.api.windowing.assigners.SlidingEventTimeWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.evictors.CountEvictor;
import io.rivulet.api.windowing.evictors.TimeEvictor;
import io.rivulet.api.windowing.triggers.CountTrigger;

/**
 * Window joins and co-groups, Flink's (one window operator over the tagged union of both inputs) and Rivulet's,
 * on scripts of two inputs: with the assigners' triggers, a count trigger, evictors and allowed lateness.
 */
class WindowJoinConformanceTest {

    private static final ScriptGenerator SCRIPTS = ScriptGenerator.twoInputs();

    @Test
    void tumbling() {
        joins(
                "join, tumbling",
                org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(ofMillis(10)),
                TumblingEventTimeWindows.of(ofMillis(10)));
    }

    @Test
    void sliding() {
        joins(
                "join, sliding",
                org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows.of(
                        ofMillis(12), ofMillis(4)),
                SlidingEventTimeWindows.of(ofMillis(12), ofMillis(4)));
    }

    @Test
    void sessions() {
        joins(
                "join, sessions",
                org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows.withGap(ofMillis(4)),
                EventTimeSessionWindows.withGap(ofMillis(4)));
    }

    @Test
    void countTrigger() {
        Differential.check(
                "join, count trigger",
                SCRIPTS,
                FlinkSide.unionOfTwo((left, right) -> left.join(right)
                        .where(FlinkSide.KEY, Types.STRING)
                        .equalTo(FlinkSide.KEY)
                        .window(org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                                ofMillis(20)))
                        .trigger(org.apache.flink.streaming.api.windowing.triggers.CountTrigger.of(3))
                        .apply((l, r) -> l + "+" + r, Types.STRING)),
                RivuletSide.unionOfTwo((left, right) -> left.join(right, Serdes.string(), Serdes.string())
                        .where(Elements::key, Serdes.string())
                        .equalTo(Elements::key)
                        .window(TumblingEventTimeWindows.of(ofMillis(20)))
                        .trigger(CountTrigger.of(3))
                        .apply((l, r) -> l + "+" + r)));
    }

    @Test
    void evictorsAndLateness() {
        Differential.check(
                "join, count evictor",
                SCRIPTS,
                FlinkSide.unionOfTwo((left, right) -> left.join(right)
                        .where(FlinkSide.KEY, Types.STRING)
                        .equalTo(FlinkSide.KEY)
                        .window(org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                                ofMillis(20)))
                        .trigger(org.apache.flink.streaming.api.windowing.triggers.CountTrigger.of(2))
                        .evictor(org.apache.flink.streaming.api.windowing.evictors.CountEvictor.of(3))
                        .apply((l, r) -> l + "+" + r, Types.STRING)),
                RivuletSide.unionOfTwo((left, right) -> left.join(right, Serdes.string(), Serdes.string())
                        .where(Elements::key, Serdes.string())
                        .equalTo(Elements::key)
                        .window(TumblingEventTimeWindows.of(ofMillis(20)))
                        .trigger(CountTrigger.of(2))
                        .evictor(CountEvictor.of(3))
                        .apply((l, r) -> l + "+" + r)));
        Differential.check(
                "join, allowed lateness and a time evictor after",
                SCRIPTS,
                FlinkSide.unionOfTwo((left, right) -> left.join(right)
                        .where(FlinkSide.KEY, Types.STRING)
                        .equalTo(FlinkSide.KEY)
                        .window(org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                                ofMillis(10)))
                        .allowedLateness(ofMillis(6))
                        .evictor(org.apache.flink.streaming.api.windowing.evictors.TimeEvictor.of(ofMillis(4), true))
                        .apply((l, r) -> l + "+" + r, Types.STRING)),
                RivuletSide.unionOfTwo((left, right) -> left.join(right, Serdes.string(), Serdes.string())
                        .where(Elements::key, Serdes.string())
                        .equalTo(Elements::key)
                        .window(TumblingEventTimeWindows.of(ofMillis(10)))
                        .allowedLateness(ofMillis(6))
                        .evictor(TimeEvictor.of(ofMillis(4), true))
                        .apply((l, r) -> l + "+" + r)));
    }

    @Test
    void coGroups() {
        Differential.check(
                "co-group, tumbling with lateness",
                SCRIPTS,
                FlinkSide.unionOfTwo((left, right) -> left.coGroup(right)
                        .where(FlinkSide.KEY, Types.STRING)
                        .equalTo(FlinkSide.KEY)
                        .window(org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                                ofMillis(10)))
                        .allowedLateness(ofMillis(5))
                        .apply(
                                (org.apache.flink.api.common.functions.CoGroupFunction<String, String, String>)
                                        (l, r, out) -> out.collect(describe(l, r)),
                                Types.STRING)),
                RivuletSide.unionOfTwo((left, right) -> left.coGroup(right, Serdes.string(), Serdes.string())
                        .where(Elements::key, Serdes.string())
                        .equalTo(Elements::key)
                        .window(TumblingEventTimeWindows.of(ofMillis(10)))
                        .allowedLateness(ofMillis(5))
                        .apply((l, r, out) -> out.collect(describe(l, r)))));
        Differential.check(
                "co-group, sessions",
                SCRIPTS,
                FlinkSide.unionOfTwo((left, right) -> left.coGroup(right)
                        .where(FlinkSide.KEY, Types.STRING)
                        .equalTo(FlinkSide.KEY)
                        .window(org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows.withGap(
                                ofMillis(4)))
                        .apply(
                                (org.apache.flink.api.common.functions.CoGroupFunction<String, String, String>)
                                        (l, r, out) -> out.collect(describe(l, r)),
                                Types.STRING)),
                RivuletSide.unionOfTwo((left, right) -> left.coGroup(right, Serdes.string(), Serdes.string())
                        .where(Elements::key, Serdes.string())
                        .equalTo(Elements::key)
                        .window(EventTimeSessionWindows.withGap(ofMillis(4)))
                        .apply((l, r, out) -> out.collect(describe(l, r)))));
    }

    /** Both sides' elements, each sorted: the order within a merged window is not part of the contract. */
    private static String describe(Iterable<String> left, Iterable<String> right) {
        return sorted(left) + " | " + sorted(right);
    }

    private static List<String> sorted(Iterable<String> elements) {
        List<String> sorted = new ArrayList<>();
        elements.forEach(sorted::add);
        sorted.sort(null);
        return sorted;
    }

    private static void joins(
            String scenario,
            org.apache.flink.streaming.api.windowing.assigners.WindowAssigner<Object, ?> flink,
            io.rivulet.api.windowing.assigners.WindowAssigner<Object, ?> rivulet) {
        Differential.check(
                scenario,
                SCRIPTS,
                FlinkSide.unionOfTwo((left, right) -> left.join(right)
                        .where(FlinkSide.KEY, Types.STRING)
                        .equalTo(FlinkSide.KEY)
                        .window(flink)
                        .apply((l, r) -> l + "+" + r, Types.STRING)),
                RivuletSide.unionOfTwo((left, right) -> left.join(right, Serdes.string(), Serdes.string())
                        .where(Elements::key, Serdes.string())
                        .equalTo(Elements::key)
                        .window(rivulet)
                        .apply((l, r) -> l + "+" + r)));
    }
}
