package io.rivulet.testing;

import java.util.Map;
import java.util.TreeMap;

/** What a harness's operators hold in state, for tests that check that nothing is left behind. */
public final class HarnessStates {

    private HarnessStates() {}

    /**
     * The number of entries of every state that has any, once committed, by the state's name within its
     * operator (the uid left out: {@code window-contents}, {@code trigger/count}, ...).
     */
    public static Map<String, Integer> nonEmpty(OperatorHarness<?> harness) {
        Map<String, Integer> sizes = new TreeMap<>();
        harness.snapshot().states().forEach((name, entries) -> {
            if (!entries.isEmpty()) {
                sizes.put(name.substring(name.indexOf('/') + 1), entries.size());
            }
        });
        return sizes;
    }
}
