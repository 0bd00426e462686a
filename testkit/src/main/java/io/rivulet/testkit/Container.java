package io.rivulet.testkit;

import java.time.Duration;

/** A container started by a {@link ContainerEngine}; closing it removes it. */
public final class Container implements AutoCloseable {

    private final ContainerEngine engine;
    private final String name;

    Container(ContainerEngine engine, String name) {
        this.engine = engine;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public boolean running() {
        return "true".equals(engine.engine(null, "inspect", "-f", "{{.State.Running}}", name));
    }

    /**
     * What {@code docker stop} / {@code podman stop} does on a pod's termination: SIGTERM to the container's
     * PID 1, SIGKILL after {@code gracePeriod}. Returns how long the container took to exit.
     */
    public Duration stop(Duration gracePeriod) {
        long start = System.nanoTime();
        engine.engine(null, "stop", "-t", String.valueOf(gracePeriod.toSeconds()), name);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The exit code of a stopped container: 143 (128 + SIGTERM) after a JVM ran its shutdown hooks on SIGTERM. */
    public int exitCode() {
        return Integer.parseInt(engine.engine(null, "inspect", "-f", "{{.State.ExitCode}}", name));
    }

    /** Everything the container wrote to standard output and error so far. */
    public String logs() {
        return engine.engine(null, "logs", name);
    }

    @Override
    public void close() {
        engine.runQuietly("rm", "-f", name);
    }
}
