package io.rivulet.api.windowing.triggers;

/** What a trigger decides for a window: whether to evaluate it now, and whether to drop its contents. */
public enum TriggerResult {

    /** Nothing happens to the window. */
    CONTINUE(false, false),
    /** The window function runs over the contents; the contents stay. */
    FIRE(true, false),
    /** The contents are dropped without evaluation; the window's metadata and timers stay. */
    PURGE(false, true),
    /** The window function runs, then the contents are dropped. */
    FIRE_AND_PURGE(true, true);

    private final boolean fire;
    private final boolean purge;

    TriggerResult(boolean fire, boolean purge) {
        this.fire = fire;
        this.purge = purge;
    }

    public boolean isFire() {
        return fire;
    }

    public boolean isPurge() {
        return purge;
    }
}
