package io.rivulet.api.windowing.triggers;

import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.api.windowing.windows.Window;

/** Fires every {@code maxCount} elements of a window; the count is kept in the window's trigger state. */
public final class CountTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final ValueStateDescriptor<Long> countDescriptor = new ValueStateDescriptor<>("count", Serdes.longs(), 0L);

    private CountTrigger(long maxCount) {
        if (maxCount < 1) {
            throw new IllegalArgumentException("a count trigger needs a count of at least 1, got " + maxCount);
        }
        this.maxCount = maxCount;
    }

    public static <W extends Window> CountTrigger<W> of(long maxCount) {
        return new CountTrigger<>(maxCount);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
        ValueState<Long> count = ctx.getPartitionedState(countDescriptor);
        long seen = count.value() + 1;
        if (seen >= maxCount) {
            count.clear();
            return TriggerResult.FIRE;
        }
        count.update(seen);
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
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        ctx.mergePartitionedState(countDescriptor, Long::sum);
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ctx.getPartitionedState(countDescriptor).clear();
    }

    @Override
    public String toString() {
        return "CountTrigger(" + maxCount + ")";
    }
}
