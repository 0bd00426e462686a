package io.rivulet.api.windowing.assigners;

import io.rivulet.api.windowing.windows.TimeWindow;

/** The staggers {@link WindowStagger} names; an enum, so that a copied assigner still holds the same constant. */
enum PredefinedStaggers implements WindowStagger {
    ALIGNED {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            return 0L;
        }
    },
    RANDOM {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            return (long) (unitInterval(currentProcessingTime) * size);
        }
    },
    NATURAL {
        @Override
        public long getStaggerOffset(long currentProcessingTime, long size) {
            long alignedStart = TimeWindow.getWindowStartWithOffset(currentProcessingTime, 0, size);
            return Math.max(0, currentProcessingTime - alignedStart);
        }
    };

    /**
     * A number in {@code [0, 1)} that looks uniformly distributed over seeds, even over consecutive ones (the SplitMix64
     * finaliser; a linear congruential generator seeded with neighbouring milliseconds would give neighbouring
     * offsets).
     */
    private static double unitInterval(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
