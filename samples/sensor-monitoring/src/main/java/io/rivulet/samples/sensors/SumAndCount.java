package io.rivulet.samples.sensors;

import io.rivulet.api.functions.AggregateFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.Serdes;

/** The accumulator of an average: the sum and the count of the readings so far. */
public record SumAndCount(double sum, long count) {

    public static final Serde<SumAndCount> SERDE = Serdes.json(SumAndCount.class);

    /** Averages readings incrementally: a window keeps one {@link SumAndCount}, not its readings. */
    public static final class Average implements AggregateFunction<Reading, SumAndCount, SumAndCount> {

        private static final long serialVersionUID = 1L;

        @Override
        public SumAndCount createAccumulator() {
            return new SumAndCount(0, 0);
        }

        @Override
        public SumAndCount add(Reading reading, SumAndCount total) {
            return new SumAndCount(total.sum() + reading.value(), total.count() + 1);
        }

        @Override
        public SumAndCount getResult(SumAndCount total) {
            return total;
        }

        @Override
        public SumAndCount merge(SumAndCount a, SumAndCount b) {
            return new SumAndCount(a.sum() + b.sum(), a.count() + b.count());
        }
    }
}
