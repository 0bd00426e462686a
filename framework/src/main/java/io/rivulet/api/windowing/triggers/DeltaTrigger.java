package io.rivulet.api.windowing.triggers;

import java.util.Objects;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.api.windowing.evictors.DeltaFunction;
import io.rivulet.api.windowing.windows.Window;

/**
 * Fires a window when an element is far enough from the last one that fired it, as Flink's
 * {@code DeltaTrigger}.
 *
 * <p>The window's first element is kept as the reference and does not fire. Every later element is compared
 * with the reference: if {@code deltaFunction.getDelta(reference, element)} is greater than
 * {@code threshold} (strictly), the window fires with that element in its contents and the element becomes
 * the reference; otherwise nothing happens and the reference stays. Timers play no part. The window's
 * contents stay: wrap the trigger in {@link PurgingTrigger} to emit each stretch of elements only once.
 *
 * <p>The reference is kept in value state, stored with {@code stateSerde}. The trigger does not merge, so it
 * cannot be used with session windows.
 *
 * @param <T> the element type
 * @param <W> the window type
 */
public final class DeltaTrigger<T, W extends Window> extends Trigger<T, W> {

    private static final long serialVersionUID = 1L;

    private final double threshold;
    private final DeltaFunction<T> deltaFunction;
    private final ValueStateDescriptor<T> referenceDescriptor;

    private DeltaTrigger(double threshold, DeltaFunction<T> deltaFunction, Serde<T> stateSerde) {
        this.threshold = threshold;
        this.deltaFunction = Objects.requireNonNull(deltaFunction, "deltaFunction");
        this.referenceDescriptor = new ValueStateDescriptor<>("last-element", stateSerde);
    }

    /**
     * A trigger that fires when the delta between the last firing element and the current one exceeds
     * {@code threshold}.
     *
     * @param stateSerde stores the reference element in the trigger's state
     */
    public static <T, W extends Window> DeltaTrigger<T, W> of(
            double threshold, DeltaFunction<T> deltaFunction, Serde<T> stateSerde) {
        return new DeltaTrigger<>(threshold, deltaFunction, stateSerde);
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) {
        ValueState<T> reference = ctx.getPartitionedState(referenceDescriptor);
        T last = reference.value();
        if (last == null) {
            reference.update(element);
            return TriggerResult.CONTINUE;
        }
        if (deltaFunction.getDelta(last, element) > threshold) {
            reference.update(element);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ctx.getPartitionedState(referenceDescriptor).clear();
    }

    @Override
    public String toString() {
        return "DeltaTrigger(" + deltaFunction + ", " + threshold + ")";
    }
}
