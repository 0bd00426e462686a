package io.rivulet.samples.wordcount;

import java.time.Duration;
import java.util.Map;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.Rivulet;
import io.rivulet.api.job.RunningJob;

/**
 * The word count without Quarkus: the service's own job, started from {@code main} with the same {@code rivulet.*}
 * keys, until SIGTERM or Ctrl-C. Rivulet logs through SLF4J, so what it logs shows with the binding an application
 * puts on its classpath; this program's own lines go to standard output.
 */
public final class WordCountMain {

    private WordCountMain() {}

    /** Argument: the bootstrap servers, {@code localhost:9092} if none is given. */
    public static void main(String[] args) throws InterruptedException {
        RunningJob job = start(Map.of(
                "rivulet.application-id", "wordcount",
                "rivulet.kafka.bootstrap-servers", args.length > 0 ? args[0] : "localhost:9092",
                "rivulet.processing-guarantee", "exactly_once",
                "rivulet.commit-interval", "100ms"));
        // SIGTERM and Ctrl-C: commit, close the tasks and leave the group, so the partitions move at once.
        Runtime.getRuntime().addShutdownHook(new Thread(job::close));
        if (job.awaitReady(Duration.ofMinutes(1))) {
            System.out.println("Word count running: " + job.health());
        }
        job.awaitTermination();
        if (job.failure().isPresent()) {
            throw new IllegalStateException(
                    "the word count failed", job.failure().get());
        }
    }

    /** Starts the word count job on the given {@code rivulet.*} keys. */
    public static RunningJob start(Map<String, String> config) {
        JobBuilder job = new JobBuilder();
        new WordCountJob().define(job);
        return Rivulet.start(job, config);
    }
}
