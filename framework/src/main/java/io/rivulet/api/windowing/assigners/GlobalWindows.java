package io.rivulet.api.windowing.assigners;

import java.util.Collection;
import java.util.List;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.triggers.NeverTrigger;
import io.rivulet.api.windowing.triggers.Trigger;
import io.rivulet.api.windowing.windows.GlobalWindow;

/**
 * One window per key that never ends. Its default trigger never fires: give it one, such as
 * {@code CountTrigger}, with {@code trigger(...)}.
 */
public final class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {

    private static final long serialVersionUID = 1L;

    private GlobalWindows() {}

    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return List.of(GlobalWindow.get());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return (Trigger) new NeverTrigger();
    }

    @Override
    public Serde<GlobalWindow> getWindowSerde() {
        return GlobalWindow.serde();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "GlobalWindows";
    }
}
