package io.rivulet.conformance;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.rivulet.api.DataStream;
import io.rivulet.api.KeyedStream;
import io.rivulet.api.functions.KeySelector;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.Serdes;
import io.rivulet.testing.KeyedOperatorHarness;
import io.rivulet.testing.KeyedTwoInputOperatorHarness;
import io.rivulet.testing.OperatorHarness;

/** Rivulet's side: the same pipeline built with Rivulet's API, run in Rivulet's operator harnesses. */
final class RivuletSide {

    private RivuletSide() {}

    static Contender oneInput(
            Function<KeyedStream<String, String>, DataStream<String>> pipeline, List<String> sideOutputs) {
        return oneInput(Serdes.string(), Step.Element::text, Elements::key, pipeline, sideOutputs);
    }

    static <I, O> Contender oneInput(
            Serde<I> serde,
            Function<Step.Element, I> input,
            KeySelector<I, String> key,
            Function<KeyedStream<I, String>, DataStream<O>> pipeline,
            List<String> sideOutputs) {
        return script -> {
            try (var harness = KeyedOperatorHarness.of(key, Serdes.string(), serde, pipeline)) {
                for (Step step : script.steps()) {
                    if (step instanceof Step.Element element) {
                        harness.processElement(input.apply(element), element.timestamp());
                    } else {
                        time(harness, step);
                    }
                }
                return outcome(harness, sideOutputs);
            }
        };
    }

    static Contender twoInputs(
            BiFunction<KeyedStream<String, String>, KeyedStream<String, String>, DataStream<String>> pipeline,
            List<String> sideOutputs) {
        return script -> {
            try (var harness = KeyedTwoInputOperatorHarness.of(
                    Elements::key, Elements::key, Serdes.string(), Serdes.string(), Serdes.string(), pipeline)) {
                return run(harness, script, sideOutputs);
            }
        };
    }

    /** What {@code pipeline} applies to two streams that it joins or co-groups on the key of {@link Elements}. */
    static Contender unionOfTwo(BiFunction<DataStream<String>, DataStream<String>, DataStream<String>> pipeline) {
        return script -> {
            try (var harness = KeyedTwoInputOperatorHarness.ofStreams(
                    Elements::key, Elements::key, Serdes.string(), Serdes.string(), pipeline)) {
                return run(harness, script, List.of());
            }
        };
    }

    private static Outcome run(
            KeyedTwoInputOperatorHarness<String, String, String, String> harness,
            Script script,
            List<String> sideOutputs)
            throws Exception {
        for (Step step : script.steps()) {
            if (step instanceof Step.Element element) {
                if (element.input() == 1) {
                    harness.processElement1(element.text(), element.timestamp());
                } else {
                    harness.processElement2(element.text(), element.timestamp());
                }
            } else {
                time(harness, step);
            }
        }
        return outcome(harness, sideOutputs);
    }

    private static void time(OperatorHarness<?> harness, Step step) throws Exception {
        if (step instanceof Step.Watermark watermark) {
            harness.processWatermark(watermark.time());
        } else if (step instanceof Step.ProcessingTime time) {
            harness.setProcessingTime(time.time());
        }
    }

    private static Outcome outcome(OperatorHarness<?> harness, List<String> sideOutputs) {
        Outcome.Builder outcome = Outcome.builder();
        harness.outputWithTimestamps()
                .forEach(record -> outcome.add("main", record.value() + "@" + record.timestamp()));
        for (String name : sideOutputs) {
            harness.sideOutput(new OutputTag<String>(name)).forEach(value -> outcome.add(name, value));
        }
        return outcome.build();
    }
}
