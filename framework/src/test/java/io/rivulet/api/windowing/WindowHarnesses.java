package io.rivulet.api.windowing;

import java.util.function.Function;

import io.rivulet.api.DataStream;
import io.rivulet.api.KeyedStream;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.windows.Window;
import io.rivulet.testing.KeyedOperatorHarness;

/** Harnesses over {@code Long} elements keyed by one key, and window functions that show what fired. */
final class WindowHarnesses {

    private WindowHarnesses() {}

    static <O> KeyedOperatorHarness<String, Long, O> longs(Function<KeyedStream<Long, String>, DataStream<O>> operators)
            throws Exception {
        return KeyedOperatorHarness.of(value -> "k", Serdes.string(), Serdes.longs(), operators);
    }

    /** Emits {@code key window=[start,end) -> value} for the window's (pre-aggregated) contents. */
    static final class Describe<W extends Window> extends ProcessWindowFunction<Long, String, String, W> {

        private static final long serialVersionUID = 1L;

        @Override
        public void process(String key, Context context, Iterable<Long> elements, Collector<String> out) {
            StringBuilder values = new StringBuilder();
            elements.forEach(
                    value -> values.append(values.length() == 0 ? "" : ",").append(value));
            out.collect(key + " " + context.window() + " -> " + values);
        }
    }
}
