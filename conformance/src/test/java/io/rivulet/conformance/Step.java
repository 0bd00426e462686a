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

    /** A watermark arrives on one input of several, to be combined with the others'. */
    record InputWatermark(int input, long time) implements Step {
        @Override
        public String toString() {
            return "inputWatermark(" + input + ", " + time + ")";
        }
    }

    /** One input of several goes idle. */
    record InputIdle(int input) implements Step {
        @Override
        public String toString() {
            return "inputIdle(" + input + ")";
        }
    }

    /** An idle input is active again. */
    record InputActive(int input) implements Step {
        @Override
        public String toString() {
            return "inputActive(" + input + ")";
        }
    }
}
