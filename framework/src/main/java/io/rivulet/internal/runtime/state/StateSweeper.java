package io.rivulet.internal.runtime.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The keyed states of a task whose time to live asks for a periodic background cleanup, of every keyed
 * operator alike (process functions, windows, triggers, joins), swept as processing time advances.
 */
public final class StateSweeper {

    private final List<StateAccess> expiring = new ArrayList<>();

    public void add(StateAccess access) {
        expiring.add(access);
    }

    /** Removes the expired entries of each state whose cleanup interval has passed. */
    public void sweep(long now) {
        for (int i = 0; i < expiring.size(); i++) {
            expiring.get(i).sweepIfDue(now);
        }
    }
}
