package io.rivulet.conformance;

import static java.time.Duration.ofMillis;

import java.util.List;
import java.util.function.Function;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * Rolling and windowed {@code reduce}, {@code sum}, {@code min}, {@code max}, {@code minBy}, {@code maxBy} on a
 * POJO field: which element's other fields survive, ties, and the timestamps of the results.
 */
class AggregationConformanceTest {

    private static final TypeInformation<Reading> READING = TypeInformation.of(Reading.class);
    private static final ScriptGenerator SCRIPTS = ScriptGenerator.oneInput();

    @ParameterizedTest(name = "rolling {0}")
    @ValueSource(strings = {"reduce", "sum", "min", "max", "minBy", "maxBy", "minBy-last", "maxBy-last"})
    void rolling(String aggregation) {
        Differential.check(
                "rolling " + aggregation,
                SCRIPTS,
                FlinkSide.oneInput(READING, Reading::of, reading -> reading.key, flink(aggregation), List.of()),
                RivuletSide.oneInput(
                        Serdes.json(Reading.class),
                        Reading::of,
                        reading -> reading.key,
                        rivulet(aggregation),
                        List.of()));
    }

    @ParameterizedTest(name = "windowed {0}")
    @ValueSource(strings = {"sum", "min", "max", "minBy", "maxBy", "minBy-last", "maxBy-last"})
    void windowed(String aggregation) {
        Differential.check(
                "windowed " + aggregation,
                SCRIPTS,
                FlinkSide.oneInput(
                        READING,
                        Reading::of,
                        reading -> reading.key,
                        keyed -> {
                            var windowed = keyed.window(
                                    org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                                            ofMillis(10)));
                            return switch (aggregation) {
                                case "sum" -> windowed.sum("value");
                                case "min" -> windowed.min("value");
                                case "max" -> windowed.max("value");
                                case "minBy" -> windowed.minBy("value");
                                case "maxBy" -> windowed.maxBy("value");
                                case "minBy-last" -> windowed.minBy("value", false);
                                default -> windowed.maxBy("value", false);
                            };
                        },
                        List.of()),
                RivuletSide.oneInput(
                        Serdes.json(Reading.class),
                        Reading::of,
                        reading -> reading.key,
                        keyed -> {
                            var windowed = keyed.window(TumblingEventTimeWindows.of(ofMillis(10)));
                            return switch (aggregation) {
                                case "sum" -> windowed.sum("value");
                                case "min" -> windowed.min("value");
                                case "max" -> windowed.max("value");
                                case "minBy" -> windowed.minBy("value");
                                case "maxBy" -> windowed.maxBy("value");
                                case "minBy-last" -> windowed.minBy("value", false);
                                default -> windowed.maxBy("value", false);
                            };
                        },
                        List.of()));
    }

    /** The reduce of both sides: the running sum, keeping the latest element's timestamp field. */
    private static Reading sum(Reading a, Reading b) {
        Reading sum = new Reading();
        sum.key = a.key;
        sum.value = a.value + b.value;
        sum.at = b.at;
        return sum;
    }

    private static Function<
                    org.apache.flink.streaming.api.datastream.KeyedStream<Reading, String>,
                    org.apache.flink.streaming.api.datastream.DataStream<Reading>>
            flink(String aggregation) {
        return keyed -> switch (aggregation) {
            case "reduce" -> keyed.reduce(AggregationConformanceTest::sum);
            case "sum" -> keyed.sum("value");
            case "min" -> keyed.min("value");
            case "max" -> keyed.max("value");
            case "minBy" -> keyed.minBy("value");
            case "maxBy" -> keyed.maxBy("value");
            case "minBy-last" -> keyed.minBy("value", false);
            default -> keyed.maxBy("value", false);
        };
    }

    private static Function<io.rivulet.api.KeyedStream<Reading, String>, io.rivulet.api.DataStream<Reading>> rivulet(
            String aggregation) {
        return keyed -> switch (aggregation) {
            case "reduce" -> keyed.reduce(AggregationConformanceTest::sum);
            case "sum" -> keyed.sum("value");
            case "min" -> keyed.min("value");
            case "max" -> keyed.max("value");
            case "minBy" -> keyed.minBy("value");
            case "maxBy" -> keyed.maxBy("value");
            case "minBy-last" -> keyed.minBy("value", false);
            default -> keyed.maxBy("value", false);
        };
    }
}
