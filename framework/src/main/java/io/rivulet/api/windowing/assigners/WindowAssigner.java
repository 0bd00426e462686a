package io.rivulet.api.windowing.assigners;

import java.io.Serializable;
import java.util.Collection;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.Window;

/**
 * Assigns every element to zero or more windows, as in Flink.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The windows {@code element} with {@code timestamp} belongs to. */
    public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

    /** The trigger used when {@code trigger(...)} is not called on the windowed stream. */
    public abstract Trigger<T, W> getDefaultTrigger();

    /** Encodes windows in state keys and timers. */
    public abstract Serde<W> getWindowSerde();

    /** Whether windows follow event time (watermarks) rather than the processing-time clock. */
    public abstract boolean isEventTime();

    /** What an assigner may ask of the runtime. */
    public interface WindowAssignerContext {

        long getCurrentProcessingTime();
    }
}
