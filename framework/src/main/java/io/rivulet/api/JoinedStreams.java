package io.rivulet.api;

import java.time.Duration;
import java.util.Objects;

import io.rivulet.api.functions.CoGroupFunction;
import io.rivulet.api.functions.JoinFunction;
import io.rivulet.api.functions.KeySelector;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.assigners.WindowAssigner;
import io.rivulet.api.windowing.evictors.Evictor;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.Window;
import io.rivulet.internal.operators.JoinCoGroupFunction;

/**
 * A window join of two streams, as Flink's: {@code a.join(b, serdeA, serdeB).where(keyA, keySerde).equalTo(keyB)
 * .window(assigner).apply(join)}. As in Flink it is a {@link CoGroupedStreams co-group} whose function joins, per
 * key and firing window, every element of the first input with every element of the second (an inner join: a key
 * on one side only joins nothing); results are stamped with the window's {@code maxTimestamp}. Trigger, evictor
 * and allowed lateness are those of the co-group. The window operator is stateful: give the stream {@code apply}
 * returns a uid.
 *
 * @param <A> the first input's element type
 * @param <B> the second input's element type
 */
public final class JoinedStreams<A, B> {

    private final CoGroupedStreams<A, B> coGroup;

    JoinedStreams(DataStream<A> first, DataStream<B> second, Serde<A> firstSerde, Serde<B> secondSerde) {
        this.coGroup = new CoGroupedStreams<>(first, second, firstSerde, secondSerde);
    }

    /**
     * The key of the first stream's elements.
     *
     * @param keySerde encodes the key of both inputs: equal keys must give equal bytes
     */
    public <K> Where<K> where(KeySelector<A, K> keySelector, Serde<K> keySerde) {
        return new Where<>(coGroup.where(keySelector, keySerde));
    }

    /** A join with the first stream's key. */
    public final class Where<K> {

        private final CoGroupedStreams<A, B>.Where<K> where;

        private Where(CoGroupedStreams<A, B>.Where<K> where) {
            this.where = where;
        }

        /** The key of the second stream's elements, which must equal the first's to join. */
        public EqualTo equalTo(KeySelector<B, K> secondKey) {
            return new EqualTo(where.equalTo(secondKey));
        }

        /** A join with both keys. */
        public final class EqualTo {

            private final CoGroupedStreams<A, B>.Where<K>.EqualTo equalTo;

            private EqualTo(CoGroupedStreams<A, B>.Where<K>.EqualTo equalTo) {
                this.equalTo = equalTo;
            }

            /** The windows both sides are grouped into, with the assigner's default trigger. */
            public <W extends Window> WithWindow<W> window(WindowAssigner<Object, W> assigner) {
                return new WithWindow<>(equalTo.window(assigner));
            }

            /**
             * A join with its windows. Each setter returns a new instance and leaves this one as it is, as in
             * Flink.
             */
            public final class WithWindow<W extends Window> {

                private final CoGroupedStreams<A, B>.Where<K>.EqualTo.WithWindow<W> window;

                private WithWindow(CoGroupedStreams<A, B>.Where<K>.EqualTo.WithWindow<W> window) {
                    this.window = window;
                }

                /** Replaces the assigner's default trigger. */
                public WithWindow<W> trigger(Trigger<Object, ? super W> trigger) {
                    return new WithWindow<>(window.trigger(trigger));
                }

                /** Evicts elements of either side from a window before it is joined, as {@link WindowedStream#evictor}. */
                public WithWindow<W> evictor(Evictor<Object, ? super W> evictor) {
                    return new WithWindow<>(window.evictor(evictor));
                }

                /**
                 * How long after a window's end late elements of either side still update and re-fire it (joining
                 * the whole window again), as {@link WindowedStream#allowedLateness}; default zero.
                 */
                public WithWindow<W> allowedLateness(Duration lateness) {
                    return new WithWindow<>(window.allowedLateness(lateness));
                }

                /** Completes the join with the function called for each pair of a key's elements in a firing window. */
                @SuppressWarnings({"unchecked", "rawtypes"})
                public <R> DataStream<R> apply(JoinFunction<A, B, R> join) {
                    Objects.requireNonNull(join, "join");
                    return window.apply(
                            (CoGroupFunction<A, B, R>) (CoGroupFunction) new JoinCoGroupFunction((JoinFunction) join));
                }
            }
        }
    }
}
