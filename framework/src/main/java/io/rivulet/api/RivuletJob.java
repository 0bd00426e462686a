package io.rivulet.api;

/**
 * A service's job. Declare one as a CDI bean ({@code @ApplicationScoped}) and the framework builds and runs
 * it when the service starts:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class WordCountJob implements RivuletJob {
 *     public void define(JobBuilder job) {
 *         job.fromSource(KafkaSource.values("text-lines", Serdes.string()))
 *            .flatMap(splitIntoWords)
 *            .keyBy(word -> word, Serdes.string(), Serdes.string())
 *            .process(new CountPerWord()).uid("count-per-word")
 *            .sinkTo(KafkaSink.keyValues("word-counts", Serdes.string(), Serdes.string()));
 *     }
 * }
 * }</pre>
 */
public interface RivuletJob {

    /** Adds the job's sources, operators and sinks to {@code job}. Called once at start-up. */
    void define(JobBuilder job);
}
