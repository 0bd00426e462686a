package io.rivulet.api;

import java.time.Duration;
import java.util.Objects;

import io.rivulet.api.functions.CoGroupFunction;
import io.rivulet.api.functions.KeySelector;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.assigners.WindowAssigner;
import io.rivulet.api.windowing.evictors.Evictor;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.Window;
import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.operators.CoGroupWindowFunction;

/**
 * A windowed co-group of two streams, as Flink's {@code CoGroupedStreams}:
 * {@code a.coGroup(b, serdeA, serdeB).where(keyA, keySerde).equalTo(keyB).window(assigner).apply(coGroup)}.
 *
 * <p>Both inputs are tagged, united and shuffled by key into one window operator, so the elements of both sides
 * with the same key share its windows. When a window fires, the co-group function is called once for its key
 * with every element of each side in the window — one side may be empty. Results are stamped with the window's
 * {@code maxTimestamp}. Trigger, evictor and allowed lateness apply to the window of both sides as on a
 * {@link WindowedStream}; they see the elements of both inputs as opaque tagged values, so they should not look
 * into them (the counting and time-based ones do not). The window operator is stateful: give the stream
 * {@code apply} returns a uid.
 *
 * <p>A {@link JoinedStreams window join} is such a co-group.
 *
 * @param <A> the first input's element type
 * @param <B> the second input's element type
 */
public final class CoGroupedStreams<A, B> {

    private final DataStream<A> first;
    private final DataStream<B> second;
    private final Serde<A> firstSerde;
    private final Serde<B> secondSerde;

    CoGroupedStreams(DataStream<A> first, DataStream<B> second, Serde<A> firstSerde, Serde<B> secondSerde) {
        if (first.graph != second.graph) {
            throw new IllegalArgumentException("streams of two different jobs cannot be co-grouped or joined");
        }
        this.first = first;
        this.second = second;
        this.firstSerde = firstSerde;
        this.secondSerde = secondSerde;
    }

    /**
     * The key of the first input's elements.
     *
     * @param keySerde encodes the key of both inputs: equal keys must give equal bytes
     */
    public <K> Where<K> where(KeySelector<A, K> keySelector, Serde<K> keySerde) {
        return new Where<>(
                Objects.requireNonNull(keySelector, "keySelector"), Objects.requireNonNull(keySerde, "keySerde"));
    }

    /** A co-group with the first input's key. */
    public final class Where<K> {

        private final KeySelector<A, K> firstKey;
        private final Serde<K> keySerde;

        private Where(KeySelector<A, K> firstKey, Serde<K> keySerde) {
            this.firstKey = firstKey;
            this.keySerde = keySerde;
        }

        /** The key of the second input's elements; elements of both inputs with equal keys are grouped together. */
        public EqualTo equalTo(KeySelector<B, K> secondKey) {
            return new EqualTo(Objects.requireNonNull(secondKey, "secondKey"));
        }

        /** A co-group with both keys. */
        public final class EqualTo {

            private final KeySelector<B, K> secondKey;

            private EqualTo(KeySelector<B, K> secondKey) {
                this.secondKey = secondKey;
            }

            /** The windows both inputs are grouped into, with the assigner's default trigger. */
            public <W extends Window> WithWindow<W> window(WindowAssigner<Object, W> assigner) {
                return new WithWindow<>(Objects.requireNonNull(assigner, "assigner"), null, null, null);
            }

            /**
             * A co-group with its windows. Each setter returns a new instance and leaves this one as it is, as in
             * Flink.
             */
            public final class WithWindow<W extends Window> {

                private final WindowAssigner<Object, W> assigner;
                private final Trigger<Object, ? super W> trigger;
                private final Evictor<Object, ? super W> evictor;
                private final Duration allowedLateness;

                private WithWindow(
                        WindowAssigner<Object, W> assigner,
                        Trigger<Object, ? super W> trigger,
                        Evictor<Object, ? super W> evictor,
                        Duration allowedLateness) {
                    this.assigner = assigner;
                    this.trigger = trigger;
                    this.evictor = evictor;
                    this.allowedLateness = allowedLateness;
                }

                /** Replaces the assigner's default trigger. */
                public WithWindow<W> trigger(Trigger<Object, ? super W> trigger) {
                    return new WithWindow<>(
                            assigner, Objects.requireNonNull(trigger, "trigger"), evictor, allowedLateness);
                }

                /** Evicts elements of either input from a window when it fires, as {@link WindowedStream#evictor}. */
                public WithWindow<W> evictor(Evictor<Object, ? super W> evictor) {
                    return new WithWindow<>(
                            assigner, trigger, Objects.requireNonNull(evictor, "evictor"), allowedLateness);
                }

                /**
                 * How long after a window's end late elements of either input still update and re-fire it, as
                 * {@link WindowedStream#allowedLateness}; default zero. Elements later than that are counted and
                 * logged.
                 */
                public WithWindow<W> allowedLateness(Duration lateness) {
                    return new WithWindow<>(assigner, trigger, evictor, Objects.requireNonNull(lateness, "lateness"));
                }

                /** Completes the co-group with the function called for each key and firing window. */
                @SuppressWarnings({"unchecked", "rawtypes"})
                public <R> DataStream<R> apply(CoGroupFunction<A, B, R> function) {
                    Objects.requireNonNull(function, "function");
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
                    if (trigger != null) {
                        windowed.trigger(trigger);
                    }
                    if (evictor != null) {
                        windowed.evictor(evictor);
                    }
                    if (allowedLateness != null) {
                        windowed.allowedLateness(allowedLateness);
                    }
                    return windowed.process(
                            (ProcessWindowFunction) new CoGroupWindowFunction((CoGroupFunction) function));
                }
            }
        }
    }
}
