package io.rivulet.internal.graph;

import java.util.Objects;
import java.util.function.Function;

/**
 * The runtime's way to a {@code JobBuilder}'s graph, which the public API does not expose: {@code JobBuilder}
 * hands over its accessor when its class is initialized (the JDK's "shared secrets" pattern), so that neither
 * a public method nor reflection is needed. The builder is typed {@code Object} here so that the graph does not
 * depend on the API that builds it (which would be a package cycle).
 */
public final class JobGraphs {

    private static volatile Function<Object, JobGraph> access;

    private JobGraphs() {}

    /** Called once, by {@code JobBuilder}'s static initializer. */
    public static void register(Function<Object, JobGraph> accessor) {
        synchronized (JobGraphs.class) {
            if (access != null) {
                throw new IllegalStateException("the JobBuilder accessor is registered already");
            }
            access = Objects.requireNonNull(accessor);
        }
    }

    /** The graph {@code job}, a {@code JobBuilder}, has built so far. */
    public static JobGraph of(Object job) {
        // An instance exists, so JobBuilder's class is initialized and the accessor registered.
        return access.apply(Objects.requireNonNull(job, "job"));
    }
}
