package io.rivulet.conformance;

/** One step of a script: what the test does next to both operators. */
sealed interface Step {

    /** An element {@code key:value} at {@code timestamp} into input 1 or 2. */
    record Element(int input, String key, int value, long timestamp) implements Step {

        String text() {
            return key + ":" + value;
        }

        @Override
        public String toString() {
            return "element(" + input + ", \"" + text() + "\", " + timestamp + ")";
        }
    }

    /** A watermark; scripts hold only advancing ones, as a task passes on. */
    record Watermark(long time) implements Step {
        @Override
        public String toString() {
            return "watermark(" + time + ")";
        }
    }

    /** The processing-time clock moves to {@code time}. */
    record ProcessingTime(long time) implements Step {
        @Override
        public String toString() {
            return "processingTime(" + time + ")";
        }
    }
}
