package io.rivulet.api.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedBroadcastProcessFunction;
import io.rivulet.api.serde.Serdes;
import io.rivulet.testing.KeyedTwoInputOperatorHarness;

/** Broadcast state is what {@code broadcast(serde, descriptors...)} declares, as in Flink. */
class BroadcastStateTest {

    private static final MapStateDescriptor<String, String> DECLARED =
            new MapStateDescriptor<>("declared", Serdes.string(), Serdes.string());
    private static final MapStateDescriptor<String, String> UNDECLARED =
            new MapStateDescriptor<>("undeclared", Serdes.string(), Serdes.string());

    /** Stores each broadcast word in {@code state}; an element reads it back. */
    static final class Remember extends KeyedBroadcastProcessFunction<String, String, String, String> {
        private static final long serialVersionUID = 1L;
        private final MapStateDescriptor<String, String> state;

        Remember(MapStateDescriptor<String, String> state) {
            this.state = state;
        }

        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            out.collect(value + "=" + ctx.getBroadcastState(state).get(value));
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(state).put(value, "seen");
        }
    }

    private static KeyedTwoInputOperatorHarness<String, String, String, String> harness(
            MapStateDescriptor<String, String> used) throws Exception {
        return KeyedTwoInputOperatorHarness.ofBroadcast(
                word -> word,
                Serdes.string(),
                Serdes.string(),
                Serdes.string(),
                (words, rules) -> words.connect(rules.broadcast(Serdes.string(), DECLARED))
                        .process(new Remember(used)));
    }

    @Test
    void aDeclaredBroadcastStateIsSharedByEveryKey() throws Exception {
        try (var harness = harness(DECLARED)) {
            harness.processBroadcastElement("a", 1);
            harness.processElement1("a", 2);
            harness.processElement1("b", 3);
            assertThat(harness.output()).containsExactly("a=seen", "b=null");
        }
    }

    @Test
    void aBroadcastStateThatWasNotDeclaredIsRefusedByName() throws Exception {
        try (var harness = harness(UNDECLARED)) {
            assertThatThrownBy(() -> harness.processBroadcastElement("a", 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("broadcast state 'undeclared' was not declared")
                    .hasMessageContaining("[declared]");
        }
    }
}
