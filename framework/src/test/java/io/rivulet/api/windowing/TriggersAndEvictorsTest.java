package io.rivulet.api.windowing;

import static io.rivulet.api.windowing.WindowHarnesses.longs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.api.windowing.WindowHarnesses.Describe;
import io.rivulet.api.windowing.assigners.GlobalWindows;
import io.rivulet.api.windowing.assigners.SlidingProcessingTimeWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.rivulet.api.windowing.evictors.CountEvictor;
import io.rivulet.api.windowing.evictors.DeltaEvictor;
import io.rivulet.api.windowing.evictors.TimeEvictor;
import io.rivulet.api.windowing.triggers.CountTrigger;
import io.rivulet.api.windowing.triggers.PurgingTrigger;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.triggers.TriggerResult;
import io.rivulet.api.windowing.windows.GlobalWindow;
import io.rivulet.api.windowing.windows.TimeWindow;

class TriggersAndEvictorsTest {

    @Test
    void processingTimeWindowsFollowTheClockNotTheWatermark() throws Exception {
        try (var harness = longs(keyed -> keyed.window(TumblingProcessingTimeWindows.of(Duration.ofMillis(10)))
                .reduce(Long::sum))) {
            harness.setProcessingTime(3);
            harness.processElement(1L, 1_000_000);
            harness.processElement(2L, 0);
            harness.processWatermark(Long.MAX_VALUE - 1);
            assertThat(harness.output()).isEmpty();
            harness.setProcessingTime(9);
            assertThat(harness.outputWithTimestamps())
                    .extracting(v -> v.value() + "@" + v.timestamp())
                    .containsExactly("3@9");
        }
    }

    @Test
    void slidingProcessingTimeWindowsFireEachSlide() throws Exception {
        try (var harness = longs(
                keyed -> keyed.window(SlidingProcessingTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)))
                        .reduce(Long::sum))) {
            harness.setProcessingTime(6);
            harness.processElement(1L, 0);
            harness.setProcessingTime(12);
            harness.processElement(2L, 0);
            harness.setProcessingTime(30);
            assertThat(harness.output()).containsExactly(1L, 3L, 2L);
        }
    }

    @Test
    void purgingTriggerDropsTheContentsAtEveryFiring() throws Exception {
        try (var harness = longs(keyed -> keyed.window(GlobalWindows.create())
                .trigger(PurgingTrigger.of(CountTrigger.<GlobalWindow>of(2)))
                .reduce(Long::sum))) {
            for (long i = 1; i <= 5; i++) {
                harness.processElement(i, 0);
            }
            assertThat(harness.output()).containsExactly(3L, 7L);
        }
    }

    /** Fires on every element and again when event time reaches 100, then purges. */
    static final class EveryElementThenAt100 extends Trigger<Object, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
            ctx.registerEventTimeTimer(100);
            return TriggerResult.FIRE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.FIRE_AND_PURGE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {
            ctx.deleteEventTimeTimer(100);
        }
    }

    @Test
    void aCustomTriggerDecidesWhenToFireAndPurge() throws Exception {
        try (var harness = longs(keyed -> keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000)))
                .trigger(new EveryElementThenAt100())
                .reduce(Long::sum))) {
            harness.processElement(1L, 10);
            harness.processElement(2L, 20);
            harness.processWatermark(100);
            harness.processElement(4L, 30);
            // The trigger registers 100 again, now behind the watermark: it fires at the next advance, as in Flink.
            harness.processWatermark(2_000);
            assertThat(harness.output()).containsExactly(1L, 3L, 3L, 4L, 4L);
        }
    }

    @Test
    void countEvictorKeepsTheLastElements() throws Exception {
        try (var harness = longs(keyed -> keyed.window(GlobalWindows.create())
                .trigger(CountTrigger.of(3))
                .evictor(CountEvictor.of(2))
                .process(new Describe<>()))) {
            for (long i = 1; i <= 6; i++) {
                harness.processElement(i, i);
            }
            assertThat(harness.output()).containsExactly("k GlobalWindow -> 2,3", "k GlobalWindow -> 5,6");
        }
    }

    @Test
    void timeEvictorKeepsTheLastStretchOfEventTimeAndReduceRunsOverWhatIsLeft() throws Exception {
        try (var harness = longs(keyed -> keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .evictor(TimeEvictor.of(Duration.ofMillis(10)))
                .reduce(Long::sum))) {
            harness.processElement(1L, 80);
            harness.processElement(2L, 89);
            harness.processElement(4L, 90);
            harness.processElement(8L, 99);
            harness.processWatermark(99);
            // The cutoff is 99 - 10 = 89: elements at or before it go.
            assertThat(harness.output()).containsExactly(12L);
        }
    }

    @Test
    void deltaEvictorDropsElementsFarFromTheLast() throws Exception {
        try (var harness = longs(keyed -> keyed.window(GlobalWindows.create())
                .trigger(CountTrigger.of(4))
                .evictor(DeltaEvictor.<Long, GlobalWindow>of(5, (a, b) -> Math.abs(a - b)))
                .process(new Describe<>()))) {
            harness.processElement(1L, 0);
            harness.processElement(20L, 0);
            harness.processElement(18L, 0);
            harness.processElement(17L, 0);
            assertThat(harness.output()).containsExactly("k GlobalWindow -> 20,18,17");
        }
    }

    /** Counts the firings of each window in per-window state, and of each key in global state. */
    static final class Firings extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;
        private static final ValueStateDescriptor<Long> FIRINGS =
                new ValueStateDescriptor<>("firings", Serdes.longs(), 0L);

        @Override
        public void process(String key, Context context, Iterable<Long> elements, Collector<String> out) {
            ValueState<Long> window = context.windowState().getState(FIRINGS);
            ValueState<Long> global = context.globalState().getState(FIRINGS);
            window.update(window.value() + 1);
            global.update(global.value() + 1);
            out.collect(context.window().getStart() + ": window " + window.value() + ", key " + global.value());
        }

        @Override
        public void clear(Context context) {
            context.windowState().getState(FIRINGS).clear();
        }
    }

    @Test
    void processWindowFunctionsKeepPerWindowAndPerKeyState() throws Exception {
        try (var harness = longs(keyed -> keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(10))
                .process(new Firings()))) {
            harness.processElement(1L, 1);
            harness.processWatermark(9);
            harness.processElement(2L, 2);
            harness.processElement(3L, 13);
            harness.processWatermark(19);
            assertThat(harness.output())
                    .containsExactly("0: window 1, key 1", "0: window 2, key 2", "10: window 1, key 3");
        }
    }
}
