package io.rivulet.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A contender in a fresh JVM; reads its CPU time and peak RSS from /proc before it is stopped. */
final class ChildJvm {

    private static final long CLOCK_TICKS_PER_SECOND = 100;
    /** Quarkus brings a second SLF4J provider; contenders log through Log4j 2 with the module's quiet config. */
    /** JVM options added to every contender JVM, e.g. a flight recording; {app} becomes the application id. */
    static final String EXTRA_OPTIONS_PROPERTY = "bench.contender-jvm-options";
    /** Kafka's jars ship a log4j2 configuration of their own; every benchmark JVM uses this quiet one. */
    static final String LOG_CONFIG = "-Dlog4j2.configurationFile=classpath:rivulet-benchmarks-log4j2.xml";

    static final String SLF4J_PROVIDER = "-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider";

    private final Process process;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile long startedNanos;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        Thread pump = new Thread(() -> pump(log), "contender-output");
        pump.setDaemon(true);
        pump.start();
    }

    static ChildJvm launch(Contender contender, Workload workload, ContenderSettings settings, Path log) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m",
                "-Xmx512m",
                "-XX:+UseG1GC",
                SLF4J_PROVIDER,
                LOG_CONFIG,
                "-cp",
                System.getProperty("java.class.path")));
        String extraOptions = System.getProperty(EXTRA_OPTIONS_PROPERTY, "").trim();
        if (!extraOptions.isEmpty()) {
            command.addAll(
                    3,
                    List.of(extraOptions
                            .replace("{app}", settings.applicationId())
                            .split("\\s+")));
        }
        command.addAll(List.of(
                ContenderMain.class.getName(),
                contender.id(),
                workload.id(),
                settings.bootstrapServers(),
                settings.applicationId(),
                settings.input(),
                settings.output(),
                settings.stateDir().toString(),
                String.valueOf(settings.instance()),
                String.valueOf(settings.standbyReplicas())));
        try {
            Files.createDirectories(log.getParent());
            return new ChildJvm(
                    new ProcessBuilder(command).redirectErrorStream(true).start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pump(Path log) {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                var writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.contains(ContenderMain.STARTED)) {
                    startedNanos = System.nanoTime();
                    started.countDown();
                }
                writer.write(line);
                writer.newLine();
                writer.flush();
            }
        } catch (IOException e) {
            // The child ended; its log is complete.
        }
    }

    /** Waits for the contender to start consuming; returns that moment (System.nanoTime). */
    long awaitStarted() {
        try {
            if (!started.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("contender did not start within 120 s");
            }
            return startedNanos;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** User + system CPU seconds so far. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Peak resident set size in MiB. */
    double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    void stop() {
        process.destroy();
        waitFor();
    }

    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
