package io.rivulet.api;

import java.util.Objects;

import io.rivulet.api.functions.JoinFunction;
import io.rivulet.api.functions.KeySelector;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.assigners.WindowAssigner;
import io.rivulet.api.windowing.windows.Window;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.operators.WindowJoinFunction;

/**
 * A window join of two streams, as Flink's: {@code a.join(b, serdeA, serdeB).where(keyA, keySerde).equalTo(keyB)
 * .window(assigner).apply(join)}. Both inputs are shuffled by key into the same windows; when a window fires,
 * every pair of an element of each side with the same key is joined (an inner join), stamped with the
 * window's {@code maxTimestamp}. The window operator is stateful: give the stream {@code apply} returns a uid.
 */
public final class JoinedStreams<A, B> {

    private final DataStream<A> first;
    private final DataStream<B> second;
    private final Serde<A> firstSerde;
    private final Serde<B> secondSerde;

    JoinedStreams(DataStream<A> first, DataStream<B> second, Serde<A> firstSerde, Serde<B> secondSerde) {
        this.first = first;
        this.second = second;
        this.firstSerde = firstSerde;
        this.secondSerde = secondSerde;
    }

    /** The key of the first stream's elements. */
    public <K> Where<K> where(KeySelector<A, K> keySelector, Serde<K> keySerde) {
        return new Where<>(
                Objects.requireNonNull(keySelector, "keySelector"), Objects.requireNonNull(keySerde, "keySerde"));
    }

    /** A join with the first stream's key. */
    public final class Where<K> {

        private final KeySelector<A, K> firstKey;
        private final Serde<K> keySerde;

        private Where(KeySelector<A, K> firstKey, Serde<K> keySerde) {
            this.firstKey = firstKey;
            this.keySerde = keySerde;
        }

        /** The key of the second stream's elements, which must equal the first's to join. */
        public EqualTo equalTo(KeySelector<B, K> secondKey) {
            return new EqualTo(Objects.requireNonNull(secondKey, "secondKey"));
        }

        /** A join with both keys. */
        public final class EqualTo {

            private final KeySelector<B, K> secondKey;

            private EqualTo(KeySelector<B, K> secondKey) {
                this.secondKey = secondKey;
            }

            /** The windows both sides are grouped into. */
            public <W extends Window> WithWindow<W> window(WindowAssigner<Object, W> assigner) {
                return new WithWindow<>(Objects.requireNonNull(assigner, "assigner"));
            }

            /** A join with its windows. */
            public final class WithWindow<W extends Window> {

                private final WindowAssigner<Object, W> assigner;

                private WithWindow(WindowAssigner<Object, W> assigner) {
                    this.assigner = assigner;
                }

                @SuppressWarnings({"unchecked", "rawtypes"})
                public <R> DataStream<R> apply(JoinFunction<A, B, R> join) {
                    Objects.requireNonNull(join, "join");
                    KeyByTransformation keyBy = ConnectedInputs.keyed(
                            first.graph,
                            first.transformation,
                            second.transformation,
                            (KeySelector) firstKey,
                            (KeySelector) secondKey,
                            keySerde,
                            firstSerde,
                            secondSerde);
                    WindowedStream<Object, K, W> windowed = new WindowedStream<>(first.graph, keyBy, assigner);
                    return windowed.process((ProcessWindowFunction) new WindowJoinFunction((JoinFunction) join));
                }
            }
        }
    }
}
