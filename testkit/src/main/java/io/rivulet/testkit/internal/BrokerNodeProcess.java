package io.rivulet.testkit.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.rivulet.testkit.BrokerLauncher;

/**
 * One KRaft node running {@link BrokerLauncher} in a child JVM on this JVM's classpath. Its output goes
 * to {@code node.log} in its data directory; it is ready when the launcher prints its ready line.
 */
final class BrokerNodeProcess {

    /** Overrides the classpath of the child JVM (default: this JVM's {@code java.class.path}). */
    static final String CLASSPATH_PROPERTY = "rivulet.testkit.classpath";
    /** Extra JVM options for broker processes, space separated (default: a 1 GiB heap). */
    static final String JVM_OPTIONS_PROPERTY = "rivulet.testkit.broker-jvm-options";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final int nodeId;
    private final List<String> launcherArgs;
    private final Path dataDir;
    private Process process;
    private CountDownLatch readyLatch;

    BrokerNodeProcess(int nodeId, Path dataDir, List<String> launcherArgs) {
        this.nodeId = nodeId;
        this.dataDir = dataDir;
        this.launcherArgs = launcherArgs;
    }

    int nodeId() {
        return nodeId;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("broker node " + nodeId + " is running already");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : System.getProperty(JVM_OPTIONS_PROPERTY, "-Xms128m -Xmx1g")
                .trim()
                .split("\\s+")) {
            command.add(option);
        }
        command.add("-cp");
        command.add(System.getProperty(CLASSPATH_PROPERTY, System.getProperty("java.class.path")));
        command.add(BrokerLauncher.class.getName());
        command.addAll(launcherArgs);
        command.add("--data-dir");
        command.add(dataDir.toString());
        try {
            Files.createDirectories(dataDir);
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start broker node " + nodeId, e);
        }
        CountDownLatch ready = new CountDownLatch(1);
        Process started = process;
        Thread pump = new Thread(() -> pumpOutput(started, ready), "rivulet-broker-" + nodeId + "-output");
        pump.setDaemon(true);
        pump.start();
        readyLatch = ready;
    }

    /** Waits until the node printed its ready line; fails with the log's location if it died or timed out. */
    void awaitReady() {
        try {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!readyLatch.await(50, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("broker node " + nodeId + " exited with " + process.exitValue()
                            + " before it was ready; see " + logFile());
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException(
                            "broker node " + nodeId + " not ready within " + START_TIMEOUT + "; see " + logFile());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting broker node " + nodeId, e);
        }
    }

    /** SIGTERM, and SIGKILL if the node has not shut down within the stop timeout. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** SIGKILL: the node gets no chance to flush or close anything. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends a signal by name ({@code STOP}, {@code CONT}) with the system's {@code kill}. */
    synchronized void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid()))
                    .redirectErrorStream(true)
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " of broker node " + nodeId + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal broker node " + nodeId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling broker node " + nodeId, e);
        }
    }

    long pid() {
        return process.pid();
    }

    private Path logFile() {
        return dataDir.resolve("node.log");
    }

    private void pumpOutput(Process source, CountDownLatch ready) {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(
                        logFile(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                if (line.contains(BrokerLauncher.READY_MARKER)) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // The process ended or its data directory was deleted: nothing more to copy.
        }
    }
}
