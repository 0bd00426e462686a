package io.rivulet.api.functions;

import java.io.Serializable;

import io.rivulet.api.state.BroadcastState;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ReadOnlyBroadcastState;

/**
 * Processes a keyed stream connected to a broadcast stream, as Flink's: every task sees every broadcast
 * element ({@link #processBroadcastElement}, which may write the broadcast state), and the keyed elements of
 * its keys ({@link #processElement}, which reads the broadcast state and has keyed state and timers).
 * Broadcast elements do not hold event time back: only the keyed input's watermarks count.
 */
public abstract class KeyedBroadcastProcessFunction<K, I, B, O> implements Serializable {

    private static final long serialVersionUID = 1L;

    public void open(RuntimeContext context) throws Exception {}

    public abstract void processElement(I value, ReadOnlyContext ctx, Collector<O> out) throws Exception;

    public abstract void processBroadcastElement(B value, Context ctx, Collector<O> out) throws Exception;

    /** Called when a timer of the current key fires. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    public void close() throws Exception {}

    /** What both methods know. */
    public abstract class BaseContext {

        public abstract long timestamp();

        public abstract <X> void output(OutputTag<X> tag, X value);

        public abstract long currentWatermark();

        public abstract long currentProcessingTime();
    }

    /** The context of a broadcast element: the broadcast state is writable; there is no current key. */
    public abstract class Context extends BaseContext {

        public abstract <KS, VS> BroadcastState<KS, VS> getBroadcastState(MapStateDescriptor<KS, VS> descriptor);
    }

    /** The context of a keyed element: the broadcast state is read-only; keyed state and timers are there. */
    public abstract class ReadOnlyContext extends BaseContext {

        public abstract <KS, VS> ReadOnlyBroadcastState<KS, VS> getBroadcastState(
                MapStateDescriptor<KS, VS> descriptor);

        public abstract K getCurrentKey();

        public abstract TimerService timerService();
    }

    /** The context of {@link #onTimer}. */
    public abstract class OnTimerContext extends ReadOnlyContext {

        public abstract TimeDomain timeDomain();
    }
}
