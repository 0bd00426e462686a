package io.rivulet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;

class KeyedProcessFunctionHarnessTest {

    static final class Sum extends KeyedProcessFunction<String, Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> sum;

        @Override
        public void open(RuntimeContext context) {
            sum = context.getState(new ValueStateDescriptor<>("sum", Serdes.longs(), 0L));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) {
            long next = sum.value() + value;
            sum.update(next);
            out.collect(ctx.getCurrentKey() + "=" + next + "@" + ctx.timestamp());
            if (value < 0) {
                throw new IllegalArgumentException("negative");
            }
        }
    }

    @Test
    void stateIsScopedPerKeyAndAFailedElementLeavesNothingBehind() throws Exception {
        try (var harness = KeyedProcessFunctionHarness.of(new Sum(), Serdes.string())) {
            assertThat(harness.processElement("a", 2L, 10)).containsExactly("a=2@10");
            assertThat(harness.processElement("b", 5L, 11)).containsExactly("b=5@11");
            assertThatThrownBy(() -> harness.processElement("a", -1L, 12)).hasMessage("negative");
            assertThat(harness.processElement("a", 3L, 13)).containsExactly("a=5@13");
            assertThat(harness.output()).containsExactly("a=2@10", "b=5@11", "a=5@13");
        }
    }

    @Test
    void aRestartKeepsCommittedStateAndDropsTheRest() throws Exception {
        try (var harness = KeyedProcessFunctionHarness.of(new Sum(), Serdes.string())) {
            harness.processElement("a", 2L, 0);
            harness.commit();
            harness.processElement("a", 40L, 1);
            harness.restart();
            assertThat(harness.processElement("a", 1L, 2)).containsExactly("a=3@2");
        }
    }
}
