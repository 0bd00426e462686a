package io.rivulet.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one side emitted, per output (the main output and each side output), as sorted lists: outputs are
 * compared as multisets, because Flink and Rivulet may emit the results of one watermark or timer round in a
 * different order across keys.
 */
record Outcome(Map<String, List<String>> outputs) {

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final Map<String, List<String>> outputs = new TreeMap<>();

        Builder add(String output, String value) {
            outputs.computeIfAbsent(output, name -> new ArrayList<>()).add(value);
            return this;
        }

        Outcome build() {
            Map<String, List<String>> sorted = new TreeMap<>();
            outputs.forEach((name, values) -> {
                List<String> copy = new ArrayList<>(values);
                copy.sort(null);
                sorted.put(name, List.copyOf(copy));
            });
            return new Outcome(sorted);
        }
    }
}
