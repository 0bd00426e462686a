package io.rivulet.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** One measured figure: what, on which workload, by whom, in which run, and its values. */
record Figure(String name, String workload, String contender, int run, Map<String, Double> values) {

    Figure {
        values = new LinkedHashMap<>(values);
    }

    /** This figure with one more value. */
    Figure with(String metric, double value) {
        Map<String, Double> more = new LinkedHashMap<>(values);
        more.put(metric, value);
        return new Figure(name, workload, contender, run, more);
    }

    /** {@code name key=value …}, the line the harness prints. */
    String line() {
        return name + " workload=" + workload + " contender=" + contender + " run=" + run + " "
                + values.entrySet().stream()
                        .map(e -> e.getKey() + "=" + format(e.getValue()))
                        .collect(Collectors.joining(" "));
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100
                ? String.valueOf(Math.round(value))
                : String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
