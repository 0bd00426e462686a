package io.rivulet.api.functions;

import java.io.Serializable;

import io.rivulet.api.state.BroadcastState;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ReadOnlyBroadcastState;

/**
 * Processes a stream that is not keyed, connected to a broadcast stream, as Flink's: every task sees every
 * broadcast element ({@link #processBroadcastElement}, which may write the broadcast state) and the elements of
 * its partition ({@link #processElement}, which reads it).
 */
public abstract class BroadcastProcessFunction<I, B, O> implements Serializable {

    private static final long serialVersionUID = 1L;

    public void open(RuntimeContext context) throws Exception {}

    public abstract void processElement(I value, ReadOnlyContext ctx, Collector<O> out) throws Exception;

    public abstract void processBroadcastElement(B value, Context ctx, Collector<O> out) throws Exception;

    public void close() throws Exception {}

    /** What both methods know. */
    public abstract class BaseContext {

        public abstract long timestamp();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }

    /** The context of a broadcast element: the broadcast state is writable. */
    public abstract class Context extends BaseContext {

        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
    }

    /** The context of an element of the non-broadcast side: the broadcast state is read-only. */
    public abstract class ReadOnlyContext extends BaseContext {

        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
    }
}
