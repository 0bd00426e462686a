package io.rivulet.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * One contender run in its own JVM, so that contenders never share a heap, JIT or page of warm-up. Prints
 * {@value #STARTED} before it creates anything and runs until SIGTERM (or SIGKILL, for recovery runs).
 */
public final class ContenderMain {

    static final String STARTED = "CONTENDER-STARTED";
    /** Written into the state directory on SIGTERM by contenders that count the records they dropped. */
    static final String DROPPED_FILE = "dropped-records";

    private ContenderMain() {}

    /** Arguments: contender workload bootstrap application-id input output state-dir instance standby-replicas. */
    public static void main(String[] args) throws InterruptedException {
        Contender contender = Contender.parse(args[0]);
        Workload workload = Workload.parse(args[1]);
        ContenderSettings settings = new ContenderSettings(
                args[2],
                args[3],
                args[4],
                args[5],
                Path.of(args[6]),
                Integer.parseInt(args[7]),
                Integer.parseInt(args[8]));
        CountDownLatch stopped = new CountDownLatch(1);
        // The clock starts before any client exists: every contender's start-up (clients, topic checks,
        // transactions, group join) is part of draining the backlog.
        announce();
        Runnable stop;
        switch (contender) {
            case CEILING_EOS, CEILING_ALOS -> {
                RawLoop loop = new RawLoop(contender == Contender.CEILING_EOS, workload, settings);
                Thread thread = new Thread(loop::run, "raw-loop");
                thread.start();
                stop = () -> {
                    loop.stop();
                    join(thread);
                };
            }
            case KAFKA_STREAMS -> {
                KafkaStreamsContender streams = new KafkaStreamsContender(workload, settings);
                streams.start();
                stop = () -> {
                    writeDropped(settings, streams.droppedRecords());
                    streams.stop();
                };
            }
            case RIVULET -> {
                RivuletContender rivulet = new RivuletContender(workload, settings);
                rivulet.start();
                stop = rivulet::stop;
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static void writeDropped(ContenderSettings settings, double dropped) {
        try {
            Files.createDirectories(settings.stateDir());
            Files.writeString(settings.stateDir().resolve(DROPPED_FILE), String.valueOf(Math.round(dropped)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dropped-record count to " + settings.stateDir(), e);
        }
    }

    private static void announce() {
        System.out.println(STARTED);
        System.out.flush();
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
