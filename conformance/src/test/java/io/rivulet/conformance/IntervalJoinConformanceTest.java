package io.rivulet.conformance;

import static java.time.Duration.ofMillis;

import java.util.List;

import org.apache.flink.api.common.typeinfo.Types;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.rivulet.api.functions.OutputTag;

/**
 * Interval joins for every sign of the bounds and every exclusivity: which pairs join, their timestamps, which
 * elements are late (and reach the late outputs), and when buffered elements stop joining.
 */
class IntervalJoinConformanceTest {

    private static final String LEFT_LATE = "left-late";
    private static final String RIGHT_LATE = "right-late";

    @ParameterizedTest(name = "between({0}, {1}), exclusive lower {2}, upper {3}")
    @CsvSource({
        "-4, 6, false, false",
        "-4, 6, true, true",
        "2, 6, false, false",
        "2, 6, true, false",
        "-6, -2, false, false",
        "-6, -2, false, true",
        "0, 0, false, false",
        "-3, 0, false, true",
        "0, 3, true, false",
        "-5, 5, false, true"
    })
    void intervalJoin(long lower, long upper, boolean lowerExclusive, boolean upperExclusive) {
        Differential.check(
                String.format("interval join between(%d, %d) %b %b", lower, upper, lowerExclusive, upperExclusive),
                ScriptGenerator.twoInputs(),
                FlinkSide.twoInputs(
                        (left, right) -> {
                            var join = left.intervalJoin(right).between(ofMillis(lower), ofMillis(upper));
                            if (lowerExclusive) {
                                join = join.lowerBoundExclusive();
                            }
                            if (upperExclusive) {
                                join = join.upperBoundExclusive();
                            }
                            return join.sideOutputLeftLateData(
                                            new org.apache.flink.util.OutputTag<>(LEFT_LATE, Types.STRING))
                                    .sideOutputRightLateData(
                                            new org.apache.flink.util.OutputTag<>(RIGHT_LATE, Types.STRING))
                                    .process(new FlinkFunctions.Pairs());
                        },
                        List.of(LEFT_LATE, RIGHT_LATE)),
                RivuletSide.twoInputs(
                        (left, right) -> {
                            var join = left.intervalJoin(right).between(ofMillis(lower), ofMillis(upper));
                            if (lowerExclusive) {
                                join = join.lowerBoundExclusive();
                            }
                            if (upperExclusive) {
                                join = join.upperBoundExclusive();
                            }
                            return join.sideOutputLeftLateData(new OutputTag<>(LEFT_LATE))
                                    .sideOutputRightLateData(new OutputTag<>(RIGHT_LATE))
                                    .process(new RivuletFunctions.Pairs());
                        },
                        List.of(LEFT_LATE, RIGHT_LATE)));
    }
}
