package io.rivulet.conformance;

import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.typeinfo.Types;
import org.junit.jupiter.api.Test;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;
import io.rivulet.api.windowing.assigners.GlobalWindows;
import io.rivulet.api.windowing.windows.TimeWindow;

/**
 * Where Rivulet deliberately differs from Flink, each shown on both sides: Flink's behaviour as it is (its
 * defects, the configurations it accepts and ignores) and Rivulet's. The README's table "Where Rivulet differs
 * from Flink, and why" points here, row by row.
 */
class DeliberateDifferencesTest {

    private static Script script(Step... steps) {
        return new Script(List.of(steps));
    }

    private static Step element(String key, int value, long timestamp) {
        return new Step.Element(1, key, value, timestamp);
    }

    /**
     * A dynamic-gap session window equal to an already merged one: Flink collects the windows to merge in a set,
     * the duplicate vanishes and the session's earlier elements are lost; Rivulet keeps them.
     */
    @Test
    void aDynamicGapSessionEqualToAMergedOneKeepsItsContents() throws Exception {
        Script script = script(element("b", 8, 25), element("b", 0, 24), element("b", 9, 24), new Step.Watermark(500));
        Outcome flink = FlinkSide.oneInput(
                        keyed -> keyed.window(org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows
                                        .<String>withDynamicGap(element -> 1 + Elements.value(element)))
                                .process(new FlinkFunctions.Describe<>(true)),
                        List.of())
                .run(script);
        Outcome rivulet = RivuletSide.oneInput(
                        keyed -> keyed.window(EventTimeSessionWindows.<String>withDynamicGap(
                                        element -> 1 + Elements.value(element)))
                                .process(new RivuletFunctions.Describe<TimeWindow>(true)),
                        List.of())
                .run(script);
        assertThat(flink.outputs()).isEqualTo(Map.of("main", List.of("b [24,34) b:9 wm=500@33")));
        assertThat(rivulet.outputs()).isEqualTo(Map.of("main", List.of("b [24,34) b:0,b:8,b:9 wm=500@33")));
    }

    /**
     * Session windows merging under {@code allowedLateness(Long.MAX_VALUE)}: Flink's merge check adds
     * {@code maxTimestamp + allowedLateness} without the overflow guard its cleanup time has, and throws;
     * Rivulet merges and fires.
     */
    @Test
    void sessionsMergeUnderTheLargestAllowedLateness() throws Exception {
        Script script =
                script(new Step.Watermark(0), element("a", 1, 10), element("a", 2, 12), new Step.Watermark(100));
        Duration forever = Duration.ofMillis(Long.MAX_VALUE);
        assertThatThrownBy(() -> FlinkSide.oneInput(
                                keyed -> keyed.window(
                                                org.apache.flink.streaming.api.windowing.assigners
                                                        .EventTimeSessionWindows.withGap(ofMillis(5)))
                                        .allowedLateness(forever)
                                        .process(new FlinkFunctions.Describe<>(true)),
                                List.of())
                        .run(script))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("cannot become earlier than the current watermark by merging");
        Outcome rivulet = RivuletSide.oneInput(
                        keyed -> keyed.window(EventTimeSessionWindows.<String>withGap(ofMillis(5)))
                                .allowedLateness(forever)
                                .process(new RivuletFunctions.Describe<TimeWindow>(true)),
                        List.of())
                .run(script);
        assertThat(rivulet.outputs()).isEqualTo(Map.of("main", List.of("a [10,17) a:1,a:2 wm=100@16")));
    }

    /**
     * Allowed lateness on windows that are not event-time windows (global, processing-time): Flink accepts it and
     * ignores it; Rivulet refuses it when the job is built, since it can have no effect.
     */
    @Test
    void allowedLatenessOnGlobalWindowsIsRefused() {
        assertThatCode(() ->
                        org.apache.flink.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment()
                                .fromData(Types.STRING, "a:0")
                                .keyBy(FlinkSide.KEY, Types.STRING)
                                .window(org.apache.flink.streaming.api.windowing.assigners.GlobalWindows.create())
                                .allowedLateness(ofMillis(10)))
                .doesNotThrowAnyException();
        var keyed = new JobBuilder()
                .fromSource(KafkaSource.values("in", Serdes.string()))
                .keyBy(Elements::key, Serdes.string(), Serdes.string());
        assertThatThrownBy(() -> keyed.window(GlobalWindows.create()).allowedLateness(ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowed lateness applies to event-time windows only");
    }

    /**
     * An interval that exclusive bounds leave empty ({@code between(x, x).upperBoundExclusive()}): Flink accepts
     * it and never joins anything; Rivulet refuses it when the job is built.
     */
    @Test
    void anIntervalMadeEmptyByExclusiveBoundsIsRefused() throws Exception {
        Script script =
                script(new Step.Element(1, "a", 1, 10), new Step.Element(2, "a", 2, 10), new Step.Watermark(100));
        Outcome flink = FlinkSide.twoInputs(
                        (left, right) -> left.intervalJoin(right)
                                .between(ofMillis(0), ofMillis(0))
                                .upperBoundExclusive()
                                .process(new FlinkFunctions.Pairs()),
                        List.of())
                .run(script);
        assertThat(flink.outputs()).isEmpty();
        var job = new JobBuilder();
        var left = job.fromSource(KafkaSource.values("left", Serdes.string()))
                .keyBy(Elements::key, Serdes.string(), Serdes.string());
        var right = job.fromSource(KafkaSource.values("right", Serdes.string()))
                .keyBy(Elements::key, Serdes.string(), Serdes.string());
        assertThatThrownBy(() -> left.intervalJoin(right)
                        .between(ofMillis(0), ofMillis(0))
                        .upperBoundExclusive()
                        .process(new RivuletFunctions.Pairs()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("above the upper");
    }

    /**
     * The order of a merged window's elements: Flink's follows the hash order of the set its merge collects the
     * windows in; Rivulet's is the merged windows' by their start, each in arrival order.
     */
    @Test
    void aMergedWindowListsItsElementsByWindowStart() throws Exception {
        Script script = script(element("a", 3, 96), element("a", 4, 90), element("a", 5, 92), new Step.Watermark(500));
        Outcome flink = FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows
                                                .withGap(ofMillis(5)))
                                .process(new InArrivalOrder()),
                        List.of())
                .run(script);
        Outcome rivulet = RivuletSide.oneInput(
                        keyed -> keyed.window(EventTimeSessionWindows.<String>withGap(ofMillis(5)))
                                .process(new RivuletInArrivalOrder()),
                        List.of())
                .run(script);
        assertThat(flink.outputs()).isEqualTo(Map.of("main", List.of("a:3,a:4,a:5@100")));
        assertThat(rivulet.outputs()).isEqualTo(Map.of("main", List.of("a:4,a:3,a:5@100")));
    }

    /**
     * What a processing-time timer emits: Flink erases the timestamp (a Kafka sink then writes the producer's
     * clock); Rivulet stamps it with the timer's time, so that the record's Kafka timestamp is the moment the
     * timer stood for, as Kafka Streams stamps what a punctuation forwards.
     */
    @Test
    void processingTimeTimerOutputCarriesTheTimersTime() throws Exception {
        Script script = script(element("a", 4, 92), new Step.ProcessingTime(1_215));
        Outcome flink = FlinkSide.oneInput(keyed -> keyed.process(new FlinkTimerOutput()), List.of())
                .run(script);
        Outcome rivulet = RivuletSide.oneInput(keyed -> keyed.process(new RivuletTimerOutput()), List.of())
                .run(script);
        assertThat(flink.outputs()).isEqualTo(Map.of("main", List.of("timer 4@" + Long.MIN_VALUE)));
        assertThat(rivulet.outputs()).isEqualTo(Map.of("main", List.of("timer 4@4")));
    }

    /**
     * Late elements without a late side output, at a window and at an interval join: Flink drops them silently;
     * Rivulet drops them too but logs a warning that counts them, so that the loss is seen.
     */
    @Test
    void lateElementsWithoutALateOutputAreReported() throws Exception {
        Script window = script(new Step.Watermark(100), element("a", 1, 50));
        Outcome flinkWindow = FlinkSide.oneInput(
                        keyed -> keyed.window(
                                        org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                                                ofMillis(10)))
                                .reduce(FlinkFunctions.SUM),
                        List.of())
                .run(window);
        Script join = script(new Step.Watermark(100), new Step.Element(1, "a", 1, 50));
        Outcome flinkJoin = FlinkSide.twoInputs(
                        (left, right) -> left.intervalJoin(right)
                                .between(ofMillis(-5), ofMillis(5))
                                .process(new FlinkFunctions.Pairs()),
                        List.of())
                .run(join);
        assertThat(flinkWindow.outputs()).isEmpty();
        assertThat(flinkJoin.outputs()).isEmpty();
        List<String> warnings = WarningsCaptured.during(() -> {
            assertThat(RivuletSide.oneInput(
                                    keyed -> keyed.window(
                                                    io.rivulet.api.windowing.assigners.TumblingEventTimeWindows.of(
                                                            ofMillis(10)))
                                            .reduce(RivuletFunctions.SUM),
                                    List.of())
                            .run(window)
                            .outputs())
                    .isEmpty();
            assertThat(RivuletSide.twoInputs(
                                    (left, right) -> left.intervalJoin(right)
                                            .between(ofMillis(-5), ofMillis(5))
                                            .process(new RivuletFunctions.Pairs()),
                                    List.of())
                            .run(join)
                            .outputs())
                    .isEmpty();
        });
        assertThat(warnings)
                .anySatisfy(warning -> assertThat(warning).contains("1 late element(s) fit no window"))
                .anySatisfy(warning -> assertThat(warning).contains("1 late element(s) dropped"));
    }

    static final class InArrivalOrder
            extends org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction<
                    String, String, String, org.apache.flink.streaming.api.windowing.windows.TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(
                String key, Context context, Iterable<String> elements, org.apache.flink.util.Collector<String> out) {
            out.collect(String.join(",", elements));
        }
    }

    static final class RivuletInArrivalOrder
            extends io.rivulet.api.functions.ProcessWindowFunction<String, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(
                String key,
                Context context,
                Iterable<String> elements,
                io.rivulet.api.functions.Collector<String> out) {
            out.collect(String.join(",", elements));
        }
    }

    static final class FlinkTimerOutput
            extends org.apache.flink.streaming.api.functions.KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String element, Context ctx, org.apache.flink.util.Collector<String> out) {
            ctx.timerService().registerProcessingTimeTimer(4);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, org.apache.flink.util.Collector<String> out) {
            out.collect("timer " + timestamp);
        }
    }

    static final class RivuletTimerOutput
            extends io.rivulet.api.functions.KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String element, Context ctx, io.rivulet.api.functions.Collector<String> out) {
            ctx.timerService().registerProcessingTimeTimer(4);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, io.rivulet.api.functions.Collector<String> out) {
            out.collect("timer " + timestamp);
        }
    }
}
