package io.rivulet.benchmarks;

import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.windowing.windows.TimeWindow;

/** Rivulet's window functions of the windowed workloads: count the bids, emit {@code key@windowStart -> count}. */
final class WindowCounts {

    private WindowCounts() {}

    static final class Count implements AggregateFunction<String, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(String bid, Long count) {
            return count + 1;
        }

        @Override
        public Long getResult(Long count) {
            return count;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    static final class Emit extends ProcessWindowFunction<Long, KeyValue<String, String>, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(
                String key, Context context, Iterable<Long> counts, Collector<KeyValue<String, String>> out) {
            out.collect(KeyValue.of(
                    key + "@" + context.window().getStart(),
                    String.valueOf(counts.iterator().next())));
        }
    }
}
