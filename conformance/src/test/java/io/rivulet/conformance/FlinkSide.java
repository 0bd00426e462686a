package io.rivulet.conformance;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.SimpleOperatorFactory;
import org.apache.flink.streaming.api.operators.StreamGroupedReduceOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorFactory;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.transformations.ReduceTransformation;
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

    static final KeySelector<String, String> KEY = Elements::key;
    private static final KeySelector<TaggedUnion<String, String>, String> UNION_KEY =
            union -> Elements.key(union.isOne() ? union.getOne() : union.getTwo());

    private FlinkSide() {}

    /** What {@code pipeline} applies to a keyed stream, fed with the script's elements. */
    static Contender oneInput(
            Function<KeyedStream<String, String>, DataStream<String>> pipeline, List<String> sideOutputs) {
        return oneInput(Types.STRING, Step.Element::text, KEY, pipeline, sideOutputs);
    }

    /** As {@link #oneInput(Function, List)}, the elements made into {@code I}s first. */
    static <I, O> Contender oneInput(
            TypeInformation<I> type,
            Function<Step.Element, I> input,
            KeySelector<I, String> key,
            Function<KeyedStream<I, String>, DataStream<O>> pipeline,
            List<String> sideOutputs) {
        return script -> {
            I sample = input.apply(new Step.Element(1, "a", 0, 0));
            KeyedStream<I, String> keyed = environment().fromData(type, sample).keyBy(key, Types.STRING);
            try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(
                    operatorOf(pipeline.apply(keyed).getTransformation()), key, Types.STRING)) {
                harness.open();
                for (Step step : script.steps()) {
                    if (step instanceof Step.Element element) {
                        harness.processElement(new StreamRecord<>(input.apply(element), element.timestamp()));
                    } else {
                        time(harness, step);
                    }
                }
                return outcome(harness, sideOutputs);
            }
        };
    }

    /**
     * The operator of a one-input transformation; a rolling reduce is translated by Flink's job graph generator,
     * into what is built here.
     */
    @SuppressWarnings("unchecked")
    private static <I, O> StreamOperatorFactory<O> operatorOf(Transformation<O> transformation) {
        if (transformation instanceof ReduceTransformation<?, ?> reduce) {
            var typed = (ReduceTransformation<O, ?>) reduce;
            return SimpleOperatorFactory.of(new StreamGroupedReduceOperator<>(
                    typed.getReducer(), typed.getInputType().createSerializer(new SerializerConfigImpl())));
        }
        return ((OneInputTransformation<I, O>) transformation).getOperatorFactory();
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

    private static void time(AbstractStreamOperatorTestHarness<?> harness, Step step) throws Exception {
        if (step instanceof Step.Watermark watermark) {
            processWatermark(harness, watermark.time());
        } else if (step instanceof Step.ProcessingTime time) {
            harness.setProcessingTime(time.time());
        }
    }

    private static void processWatermark(AbstractStreamOperatorTestHarness<?> harness, long time) throws Exception {
        if (harness instanceof KeyedOneInputStreamOperatorTestHarness<?, ?, ?> one) {
            one.processWatermark(time);
        } else {
            ((KeyedTwoInputStreamOperatorTestHarness<?, ?, ?, ?>) harness).processBothWatermarks(new Watermark(time));
        }
    }

    private static Outcome outcome(AbstractStreamOperatorTestHarness<?> harness, List<String> sideOutputs) {
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
