package io.rivulet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

import org.assertj.core.api.Assertions;

/**
 * Runs random scripts through Flink's operator and Rivulet's and fails on the first script whose outcomes differ,
 * after shrinking it to a script from which no step can be removed without the difference going away.
 *
 * <p>{@code -Dconformance.seeds=N} sets how many scripts each scenario runs (the build runs a few hundred);
 * {@code -Dconformance.seed=S} runs the one script of seed {@code S}, to replay a failure.
 */
final class Differential {

    private static final String ERROR = "error";

    private Differential() {}

    static void check(String scenario, ScriptGenerator generator, Contender flink, Contender rivulet) {
        check(scenario, generator::generate, flink, rivulet);
    }

    /** As {@link #check(String, ScriptGenerator, Contender, Contender)}, with scripts of a generator of its own. */
    static void check(String scenario, LongFunction<Script> scripts, Contender flink, Contender rivulet) {
        String only = System.getProperty("conformance.seed");
        long first = only == null ? 0 : Long.parseLong(only);
        long count = only == null ? Long.getLong("conformance.seeds", 400) : 1;
        int withOutput = 0;
        String anError = "none";
        for (long seed = first; seed < first + count; seed++) {
            Script script = scripts.apply(seed);
            Outcome expected = outcome(flink, script);
            Outcome actual = outcome(rivulet, script);
            if (!expected.equals(actual)) {
                Script minimal = shrink(script, flink, rivulet);
                Assertions.fail(String.format(
                        "%s: Rivulet differs from Flink for seed %d (-Dconformance.seed=%d); a minimal script:%n%s%n"
                                + "Flink:   %s%nRivulet: %s",
                        scenario, seed, seed, minimal, describe(flink, minimal), describe(rivulet, minimal)));
            }
            if (expected.outputs().containsKey(ERROR)) {
                anError = "Flink: " + describe(flink, script) + "\nRivulet: " + describe(rivulet, script);
            } else if (expected.outputs().values().stream().anyMatch(values -> !values.isEmpty())) {
                withOutput++;
            }
        }
        // A scenario whose scripts never make the operators emit anything would compare nothing.
        assertThat(withOutput)
                .as("%s: scripts with output, of %d; where both sides threw:%n%s", scenario, count, anError)
                .isGreaterThan((int) (count / 2));
    }

    /** Drops chunks of steps, then single steps, as long as the outcomes still differ. */
    private static Script shrink(Script script, Contender flink, Contender rivulet) {
        Script current = script;
        for (int chunk = Math.max(1, current.steps().size() / 2); chunk >= 1; chunk /= 2) {
            boolean removed = true;
            while (removed) {
                removed = false;
                for (int from = 0; from + chunk <= current.steps().size(); from++) {
                    Script candidate = current.without(from, chunk);
                    if (differ(candidate, flink, rivulet)) {
                        current = candidate;
                        removed = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    private static boolean differ(Script script, Contender flink, Contender rivulet) {
        return !Objects.equals(outcome(flink, script), outcome(rivulet, script));
    }

    /** A side that throws has the outcome "error", whatever it emitted before: both sides may refuse a script. */
    private static Outcome outcome(Contender contender, Script script) {
        try {
            return contender.run(script);
        } catch (Exception | AssertionError e) {
            return new Outcome(Map.of(ERROR, List.of("threw")));
        }
    }

    private static String describe(Contender contender, Script script) {
        try {
            return contender.run(script).outputs().toString();
        } catch (Exception | AssertionError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return trace.toString();
        }
    }
}
