package io.rivulet.api.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.evictors.TimestampedValue;
import io.rivulet.testing.KeyedOperatorHarness;
import io.rivulet.testing.KeyedTwoInputOperatorHarness;

/** Timers of keyed process functions: order, deduplication, deletion, domains, restore, side outputs. */
class TimersTest {

    static final OutputTag<String> REGISTERED = new OutputTag<>("registered");

    /** {@code "e<ts>"} registers an event-time timer, {@code "p<ts>"} a processing-time one, {@code "-e<ts>"} deletes. */
    static final class Timers extends KeyedProcessFunction<String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(String command, Context ctx, Collector<String> out) {
            boolean delete = command.startsWith("-");
            String spec = delete ? command.substring(1) : command;
            long time = Long.parseLong(spec.substring(1));
            TimerService timers = ctx.timerService();
            if (spec.charAt(0) == 'e') {
                if (delete) {
                    timers.deleteEventTimeTimer(time);
                } else {
                    timers.registerEventTimeTimer(time);
                }
            } else if (delete) {
                timers.deleteProcessingTimeTimer(time);
            } else {
                timers.registerProcessingTimeTimer(time);
            }
            ctx.output(REGISTERED, ctx.getCurrentKey() + ":" + command);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "@" + timestamp + " " + ctx.timeDomain());
        }
    }

    private static KeyedOperatorHarness<String, String, String> harness() throws Exception {
        return KeyedOperatorHarness.of(
                command -> "k", Serdes.string(), Serdes.string(), keyed -> keyed.process(new Timers()));
    }

    @Test
    void eventTimeTimersFireInTimestampOrderOncePerKeyAndTimestampWhenTheWatermarkReachesThem() throws Exception {
        try (var harness = harness()) {
            harness.processElement("b", "e30", 0);
            harness.processElement("a", "e20", 0);
            harness.processElement("a", "e20", 0);
            harness.processElement("a", "e10", 0);
            harness.processElement("b", "e15", 0);
            harness.processElement("b", "-e15", 0);
            harness.processWatermark(19);
            assertThat(harness.output()).containsExactly("a@10 EVENT_TIME");
            harness.processWatermark(30);
            assertThat(harness.outputWithTimestamps())
                    .extracting(TimestampedValue::value)
                    .containsExactly("a@10 EVENT_TIME", "a@20 EVENT_TIME", "b@30 EVENT_TIME");
            assertThat(harness.outputWithTimestamps())
                    .extracting(TimestampedValue::timestamp)
                    .containsExactly(10L, 20L, 30L);
            assertThat(harness.sideOutput(REGISTERED)).hasSize(6);
        }
    }

    @Test
    void processingTimeTimersFollowTheClockAndThoseDueWhileDownFireOnRestore() throws Exception {
        try (var harness = harness()) {
            harness.processElement("a", "p100", 0);
            harness.processElement("a", "p200", 0);
            harness.processElement("a", "e5", 0);
            harness.setProcessingTime(150);
            assertThat(harness.output()).containsExactly("a@100 PROCESSING_TIME");
            harness.commit();
            harness.processElement("a", "p160", 0);
            // Down from 150 to 500: the uncommitted timer is gone, the committed one fires at once.
            harness.restart();
            harness.setProcessingTime(500);
            assertThat(harness.output()).containsExactly("a@100 PROCESSING_TIME", "a@200 PROCESSING_TIME");
            harness.processWatermark(5);
            assertThat(harness.output()).last().isEqualTo("a@5 EVENT_TIME");
        }
    }

    /**
     * As in a task (and in Flink, whose watermark valve passes on only advancing watermarks): a timer registered
     * behind event time fires when the watermark next moves forward, not when the same watermark comes again.
     */
    @Test
    void aWatermarkThatDoesNotAdvanceFiresNothing() throws Exception {
        try (var harness = harness()) {
            harness.processWatermark(100);
            harness.processElement("a", "e50", 0);
            harness.processWatermark(100);
            harness.processWatermark(99);
            assertThat(harness.output()).isEmpty();
            harness.processWatermark(101);
            assertThat(harness.output()).containsExactly("a@50 EVENT_TIME");
        }
    }

    /** The two-input harness passes on only advancing watermarks too, as the task under both does. */
    @Test
    void aWatermarkThatDoesNotAdvanceFiresNothingOnTwoInputs() throws Exception {
        try (var harness = KeyedTwoInputOperatorHarness.<String, String, String, String>of(
                v -> v.substring(0, 1),
                v -> v.substring(0, 1),
                Serdes.string(),
                Serdes.string(),
                Serdes.string(),
                (first, second) -> first.connect(second).process(new TimerPerElement()))) {
            harness.processWatermark(100);
            harness.processElement1("a1", 0);
            harness.processElement2("a2", 0);
            harness.processWatermark(100);
            assertThat(harness.output()).isEmpty();
            harness.processWatermark(101);
            harness.processWatermark(101);
            assertThat(harness.output()).containsExactly("timer a 50");
        }
    }

    /** Registers one event-time timer at 50, behind the watermark, for every element of either input. */
    static final class TimerPerElement extends KeyedCoProcessFunction<String, String, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement1(String value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(50);
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(50);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect("timer " + ctx.getCurrentKey() + " " + timestamp);
        }
    }
}
