package io.rivulet.api.windowing;

import static io.rivulet.api.windowing.WindowHarnesses.longs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.AggregatingStateDescriptor;
import io.rivulet.api.state.ListStateDescriptor;
import io.rivulet.api.state.MapState;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ReducingStateDescriptor;
import io.rivulet.api.windowing.WindowHarnesses.Describe;
import io.rivulet.api.windowing.assigners.EventTimeSessionWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.triggers.TriggerResult;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.testfunctions.CountElements;
import io.rivulet.testing.HarnessStates;

/**
 * Trigger state of every kind, as Flink's {@code getPartitionedState(StateDescriptor)}, and the merging of
 * list, reducing and aggregating trigger state when session windows merge, as Flink's
 * {@code mergePartitionedState(StateDescriptor)}.
 */
class TriggerStateTest {

    /** What {@link Recording} saw at each element; static because the harness runs a copy of the trigger. */
    private static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void forgetWhatWasSeen() {
        SEEN.clear();
    }

    /** A trigger that decides on elements only. */
    abstract static class OnElements extends Trigger<Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public final TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public final TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }
    }

    /**
     * Keeps each window's elements in list state, their sum in reducing state and their count in aggregating
     * state, and records all three at every element; fires when the sum reaches 10.
     */
    static final class Recording extends OnElements {
        private static final long serialVersionUID = 1L;

        private final ListStateDescriptor<Long> elements = new ListStateDescriptor<>("elements", Serdes.longs());
        private final ReducingStateDescriptor<Long> sum =
                new ReducingStateDescriptor<>("sum", Long::sum, Serdes.longs());
        private final AggregatingStateDescriptor<Long, Long, Long> count =
                new AggregatingStateDescriptor<>("count", new CountElements<>(), Serdes.longs());

        @Override
        public TriggerResult onElement(Long element, long timestamp, TimeWindow window, TriggerContext ctx)
                throws Exception {
            ctx.getPartitionedState(elements).add(element);
            ctx.getPartitionedState(sum).add(element);
            ctx.getPartitionedState(count).add(element);
            List<Long> seen = new ArrayList<>(
                    StreamSupport.stream(ctx.getPartitionedState(elements).get().spliterator(), false)
                            .toList());
            Collections.sort(seen);
            long total = ctx.getPartitionedState(sum).get();
            SEEN.add("[" + window.getStart() + "," + window.getEnd() + ") " + seen + " sum " + total + " count "
                    + ctx.getPartitionedState(count).get());
            return total >= 10 ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public boolean canMerge() {
            return true;
        }

        @Override
        public void onMerge(TimeWindow window, OnMergeContext ctx) throws Exception {
            ctx.mergePartitionedState(elements);
            ctx.mergePartitionedState(sum);
            ctx.mergePartitionedState(count);
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {
            SEEN.add("clear [" + window.getStart() + "," + window.getEnd() + ") sum "
                    + ctx.getPartitionedState(sum).get());
            ctx.getPartitionedState(elements).clear();
            ctx.getPartitionedState(sum).clear();
            ctx.getPartitionedState(count).clear();
        }
    }

    @Test
    void listReducingAndAggregatingStateMergeWithTheSessions() throws Exception {
        try (var harness = longs(keyed -> keyed.window(EventTimeSessionWindows.<Long>withGap(Duration.ofMillis(20)))
                .trigger(new Recording())
                .process(new Describe<>()))) {
            harness.processElement(4L, 0);
            harness.processElement(1L, 5);
            harness.processElement(4L, 30);
            // [15,35) bridges [0,25) and [30,50): the merged session holds both sessions' state, and then its own.
            harness.processElement(0L, 15);
            harness.processElement(1L, 16);
            // A merged session's state is gone by the time it is cleared: the merge moved it.
            assertThat(SEEN)
                    .containsExactly(
                            "[0,20) [4] sum 4 count 1",
                            "clear [0,20) sum null",
                            "[0,25) [1, 4] sum 5 count 2",
                            "[30,50) [4] sum 4 count 1",
                            "clear [0,25) sum null",
                            "clear [30,50) sum null",
                            "[0,50) [0, 1, 4, 4] sum 9 count 4",
                            "[0,50) [0, 1, 1, 4, 4] sum 10 count 5");
            assertThat(harness.output()).containsExactly("k TimeWindow{start=0, end=50} -> 4,1,4,0,1");
            assertThat(HarnessStates.nonEmpty(harness))
                    .containsEntry("trigger/elements", 5)
                    .containsEntry("trigger/sum", 1)
                    .containsEntry("trigger/count", 1);
            harness.processWatermark(1_000);
            assertThat(SEEN).endsWith("clear [0,50) sum 10");
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }

    /** Fires when a window has seen {@code distinct} different elements, kept in map state. */
    static final class Distinct extends OnElements {
        private static final long serialVersionUID = 1L;

        private final MapStateDescriptor<Long, Boolean> seen =
                new MapStateDescriptor<>("seen", Serdes.longs(), Serdes.json(Boolean.class));
        private final int distinct;

        Distinct(int distinct) {
            this.distinct = distinct;
        }

        @Override
        public TriggerResult onElement(Long element, long timestamp, TimeWindow window, TriggerContext ctx)
                throws Exception {
            MapState<Long, Boolean> values = ctx.getPartitionedState(seen);
            if (values.contains(element)) {
                return TriggerResult.CONTINUE;
            }
            values.put(element, true);
            return StreamSupport.stream(values.keys().spliterator(), false).count() == distinct
                    ? TriggerResult.FIRE
                    : TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {
            ctx.getPartitionedState(seen).clear();
        }
    }

    @Test
    void mapStateIsScopedToTheWindowAndClearedWithIt() throws Exception {
        try (var harness = longs(keyed -> keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .trigger(new Distinct(3))
                .reduce(Long::sum))) {
            harness.processElement(1L, 0);
            harness.processElement(1L, 1);
            harness.processElement(2L, 2);
            harness.processElement(1L, 3);
            harness.processElement(3L, 4);
            harness.processElement(4L, 5);
            // The next window counts its own values: 1 and 2 were seen in the first one only.
            harness.processElement(1L, 100);
            harness.processElement(2L, 101);
            assertThat(harness.output()).containsExactly(8L);
            harness.processWatermark(1_000);
            assertThat(HarnessStates.nonEmpty(harness)).isEmpty();
        }
    }
}
