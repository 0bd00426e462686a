package io.rivulet.api.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.serde.Serdes;
import io.rivulet.testing.KeyedOperatorHarness;

/** Every keyed state type, scoped per key, all or nothing per element, and committed state across a restart. */
class KeyedStateTypesTest {

    /** {@code "<word>"} adds a word; {@code "!"} clears the key; every element emits the state of its key. */
    static final class AllStates extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;
        private transient ListState<String> words;
        private transient MapState<String, Long> counts;
        private transient ReducingState<Long> total;
        private transient AggregatingState<String, String> longest;

        @Override
        public void open(RuntimeContext context) {
            words = context.getListState(new ListStateDescriptor<>("words", Serdes.string()));
            counts = context.getMapState(new MapStateDescriptor<>("counts", Serdes.string(), Serdes.longs()));
            total = context.getReducingState(new ReducingStateDescriptor<>("total", Long::sum, Serdes.longs()));
            longest = context.getAggregatingState(
                    new AggregatingStateDescriptor<>("longest", new Longest(), Serdes.string()));
        }

        @Override
        public void processElement(String word, Context ctx, Collector<String> out) throws Exception {
            if (word.equals("!")) {
                words.clear();
                counts.clear();
                total.clear();
                longest.clear();
            } else {
                words.add(word);
                Long count = counts.get(word);
                counts.put(word, count == null ? 1 : count + 1);
                total.add((long) word.length());
                longest.add(word);
            }
            if (word.equals("boom")) {
                throw new IllegalStateException("boom");
            }
            List<String> entries = new ArrayList<>();
            for (Map.Entry<String, Long> entry : counts.entries()) {
                entries.add(entry.getKey() + "=" + entry.getValue());
            }
            out.collect(ctx.getCurrentKey() + " " + words.get() + " " + entries + " total=" + total.get() + " longest="
                    + longest.get() + " empty=" + counts.isEmpty());
        }
    }

    static final class Longest implements AggregateFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String createAccumulator() {
            return "";
        }

        @Override
        public String add(String value, String accumulator) {
            return value.length() > accumulator.length() ? value : accumulator;
        }

        @Override
        public String getResult(String accumulator) {
            return accumulator;
        }

        @Override
        public String merge(String a, String b) {
            return a.length() >= b.length() ? a : b;
        }
    }

    private static KeyedOperatorHarness<String, String, String> harness() throws Exception {
        return KeyedOperatorHarness.of(
                word -> word.equals("!") ? "x" : word.substring(0, 1),
                Serdes.string(),
                Serdes.string(),
                keyed -> keyed.process(new AllStates()));
    }

    @Test
    void eachStateTypeIsScopedToTheCurrentKeyAndClearClearsOnlyIt() throws Exception {
        try (var harness = harness()) {
            harness.processElement("xa", 0);
            harness.processElement("xbb", 0);
            harness.processElement("xa", 0);
            harness.processElement("yz", 0);
            harness.processElement("!", 0);
            harness.processElement("xc", 0);
            assertThat(harness.output())
                    .containsExactly(
                            "x [xa] [xa=1] total=2 longest=xa empty=false",
                            "x [xa, xbb] [xa=1, xbb=1] total=5 longest=xbb empty=false",
                            "x [xa, xbb, xa] [xa=2, xbb=1] total=7 longest=xbb empty=false",
                            "y [yz] [yz=1] total=2 longest=yz empty=false",
                            "x [] [] total=null longest=null empty=true",
                            "x [xc] [xc=1] total=2 longest=xc empty=false");
        }
    }

    @Test
    void keysThatArePrefixesOfOneAnotherKeepTheirEntriesApart() throws Exception {
        try (var harness = KeyedOperatorHarness.of(
                word -> word.substring(0, word.indexOf('.')),
                Serdes.string(),
                Serdes.string(),
                keyed -> keyed.process(new AllStates()))) {
            harness.processElement("a1.x", 0);
            harness.processElement("a.y", 0);
            assertThat(harness.output()).last().isEqualTo("a [a.y] [a.y=1] total=3 longest=a.y empty=false");
        }
    }

    @Test
    void aFailedElementLeavesNoStateAndARestartKeepsOnlyCommittedState() throws Exception {
        try (var harness = harness()) {
            harness.processElement("ba", 0);
            assertThatThrownBy(() -> harness.processElement("boom", 0)).hasMessage("boom");
            harness.commit();
            harness.processElement("bc", 0);
            harness.restart();
            harness.processElement("bd", 0);
            assertThat(harness.output()).last().isEqualTo("b [ba, bd] [ba=1, bd=1] total=4 longest=ba empty=false");
        }
    }

    static final class TwoStatesOneName extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void open(RuntimeContext context) {
            context.getListState(new ListStateDescriptor<>("same", Serdes.string()));
            context.getState(new ValueStateDescriptor<>("same", Serdes.string()));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {}
    }

    @Test
    void stateNamesAreUniquePerOperatorWhateverTheirKind() {
        assertThatThrownBy(() -> KeyedOperatorHarness.of(
                        v -> v, Serdes.string(), Serdes.string(), keyed -> keyed.process(new TwoStatesOneName())))
                .hasMessageContaining("two states named same");
    }
}
