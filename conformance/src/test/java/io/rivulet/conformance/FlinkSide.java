package io.rivulet.conformance;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.transformations.TwoInputTransformation;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.apache.flink.util.TaggedUnion;

/**
 * Flink's side: the operator Flink's own DataStream API builds for a pipeline, run in Flink's keyed operator test
 * harness — the reference every scenario compares Rivulet with.
 */
final class FlinkSide {

    private static final KeySelector<String, String> KEY = Elements::key;
    private static final KeySelector<TaggedUnion<String, String>, String> UNION_KEY =
            union -> Elements.key(union.isOne() ? union.getOne() : union.getTwo());

    private FlinkSide() {}

    /** What {@code pipeline} applies to a keyed stream, fed with the script's elements. */
    static Contender oneInput(
            Function<KeyedStream<String, String>, DataStream<String>> pipeline, List<String> sideOutputs) {
        return script -> {
            KeyedStream<String, String> keyed =
                    environment().fromData(Types.STRING, "a:0").keyBy(KEY, Types.STRING);
            var operator = (OneInputTransformation<String, String>)
                    pipeline.apply(keyed).getTransformation();
            try (var harness =
                    new KeyedOneInputStreamOperatorTestHarness<>(operator.getOperatorFactory(), KEY, Types.STRING)) {
                harness.open();
                for (Step step : script.steps()) {
                    if (step instanceof Step.Element element) {
                        harness.processElement(new StreamRecord<>(element.text(), element.timestamp()));
                    } else {
                        time(harness, step);
                    }
                }
                return outcome(harness, sideOutputs);
            }
        };
    }

    /** What {@code pipeline} applies to two keyed streams (connect, interval join). */
    static Contender twoInputs(
            BiFunction<KeyedStream<String, String>, KeyedStream<String, String>, DataStream<String>> pipeline,
            List<String> sideOutputs) {
        return script -> {
            StreamExecutionEnvironment env = environment();
            KeyedStream<String, String> first =
                    env.fromData(Types.STRING, "a:0").keyBy(KEY, Types.STRING);
            KeyedStream<String, String> second =
                    env.fromData(Types.STRING, "a:0").keyBy(KEY, Types.STRING);
            @SuppressWarnings("unchecked")
            var transformation = (TwoInputTransformation<String, String, String>)
                    pipeline.apply(first, second).getTransformation();
            TwoInputStreamOperator<String, String, String> operator = transformation.getOperator();
            try (var harness = new KeyedTwoInputStreamOperatorTestHarness<>(operator, KEY, KEY, Types.STRING)) {
                harness.open();
                for (Step step : script.steps()) {
                    if (step instanceof Step.Element element) {
                        var record = new StreamRecord<>(element.text(), element.timestamp());
                        if (element.input() == 1) {
                            harness.processElement1(record);
                        } else {
                            harness.processElement2(record);
                        }
                    } else {
                        time(harness, step);
                    }
                }
                return outcome(harness, sideOutputs);
            }
        };
    }

    /**
     * What {@code pipeline} applies to two streams that it joins or co-groups on the key of {@link Elements}: Flink
     * runs that as one window operator over the tagged union of both inputs, which is what is fed here.
     */
    static Contender unionOfTwo(BiFunction<DataStream<String>, DataStream<String>, DataStream<String>> pipeline) {
        return script -> {
            StreamExecutionEnvironment env = environment();
            DataStream<String> result =
                    pipeline.apply(env.fromData(Types.STRING, "a:0"), env.fromData(Types.STRING, "a:0"));
            @SuppressWarnings("unchecked")
            var operator = (OneInputTransformation<TaggedUnion<String, String>, String>) result.getTransformation();
            try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                    operator.getOperatorFactory(), UNION_KEY, Types.STRING)) {
                harness.open();
                for (Step step : script.steps()) {
                    if (step instanceof Step.Element element) {
                        TaggedUnion<String, String> union = element.input() == 1
                                ? TaggedUnion.one(element.text())
                                : TaggedUnion.two(element.text());
                        harness.processElement(new StreamRecord<>(union, element.timestamp()));
                    } else {
                        time(harness, step);
                    }
                }
                return outcome(harness, List.of());
            }
        };
    }

    private static StreamExecutionEnvironment environment() {
        return StreamExecutionEnvironment.getExecutionEnvironment();
    }

    private static void time(AbstractStreamOperatorTestHarness<String> harness, Step step) throws Exception {
        if (step instanceof Step.Watermark watermark) {
            processWatermark(harness, watermark.time());
        } else if (step instanceof Step.ProcessingTime time) {
            harness.setProcessingTime(time.time());
        }
    }

    private static void processWatermark(AbstractStreamOperatorTestHarness<String> harness, long time)
            throws Exception {
        if (harness instanceof KeyedOneInputStreamOperatorTestHarness<?, ?, ?> one) {
            one.processWatermark(time);
        } else {
            ((KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, ?>) harness).processBothWatermarks(new Watermark(time));
        }
    }

    private static Outcome outcome(AbstractStreamOperatorTestHarness<String> harness, List<String> sideOutputs) {
        Outcome.Builder outcome = Outcome.builder();
        for (Object emitted : harness.getOutput()) {
            if (emitted instanceof StreamRecord<?> record) {
                outcome.add("main", record.getValue() + "@" + record.getTimestamp());
            }
        }
        for (String name : sideOutputs) {
            var records = harness.getSideOutput(new OutputTag<>(name, Types.STRING));
            if (records != null) {
                records.forEach(record -> outcome.add(name, String.valueOf(record.getValue())));
            }
        }
        return outcome.build();
    }
}
