package io.rivulet.api.windowing.assigners;

/** Checks of window sizes shared by the assigners, so a bad size fails where the job is defined. */
final class WindowSizes {

    private WindowSizes() {}

    static long positive(String what, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("the window " + what + " must be positive, got " + millis + " ms");
        }
        return millis;
    }

    static long offset(long offset, long period) {
        if (Math.abs(offset) >= period) {
            throw new IllegalArgumentException(
                    "the window offset (" + offset + " ms) must be smaller than the period (" + period + " ms)");
        }
        return offset;
    }
}
