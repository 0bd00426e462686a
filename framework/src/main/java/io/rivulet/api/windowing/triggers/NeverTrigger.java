package io.rivulet.api.windowing.triggers;

import io.rivulet.api.windowing.windows.GlobalWindow;

/** Never fires: the default of {@code GlobalWindows}, which need a custom trigger to produce anything. */
public final class NeverTrigger extends Trigger<Object, GlobalWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(GlobalWindow window, TriggerContext ctx) {}

    @Override
    public String toString() {
        return "NeverTrigger";
    }
}
