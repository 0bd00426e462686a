package io.rivulet.api.windowing.assigners;

import java.io.Serializable;

/**
 * How a processing-time window assigner staggers its windows, to spread the load of firing windows over time
 * instead of firing every task's windows at the same instant, as Flink's {@code WindowStagger}. The assigner asks
 * once, when it assigns its first element, and shifts its windows by the offset from then on. Every task has its own
 * copy of the assigner, so every task (partition) has its own offset; a restarted task asks again.
 */
public interface WindowStagger extends Serializable {

    /** No staggering: the windows of all tasks start and fire at the same instants. */
    WindowStagger ALIGNED = PredefinedStaggers.ALIGNED;

    /**
     * An offset drawn uniformly from {@code [0, size)}. Flink draws it from a thread-local random generator; here it
     * is a hash of the processing time at which the assigner sees its first element, so that a run whose clock is
     * given (a test harness, a replay) gets the same windows every time, and tasks that start at different instants
     * still get different offsets. Tasks that see their first element in the same millisecond share one.
     */
    WindowStagger RANDOM = PredefinedStaggers.RANDOM;

    /**
     * The offset of the first element's processing time into an aligned window ({@code now mod size}), so that a
     * task's windows start when it receives its first element.
     */
    WindowStagger NATURAL = PredefinedStaggers.NATURAL;

    /**
     * The offset, in milliseconds, by which the assigner shifts its windows.
     *
     * @param currentProcessingTime the processing time at which the assigner sees its first element
     * @param size the window size in milliseconds
     */
    long getStaggerOffset(long currentProcessingTime, long size);
}
