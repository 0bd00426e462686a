package io.rivulet.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What a differential test feeds to both sides, in order. */
record Script(List<Step> steps) {

    Script {
        steps = List.copyOf(steps);
    }

    Script without(int from, int count) {
        List<Step> fewer = new ArrayList<>(steps);
        fewer.subList(from, from + count).clear();
        return new Script(fewer);
    }

    @Override
    public String toString() {
        return steps.stream().map(step -> "  " + step).collect(Collectors.joining("\n"));
    }
}
