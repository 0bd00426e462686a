package io.rivulet.samples.wordcount;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.RivuletJob;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.serde.Serdes;

/**
 * Lines from {@code text-lines} in, a running count per word out to {@code word-counts}: key = the word,
 * value = its new count as a decimal string, one record per occurrence. A line holding a NUL character is
 * binary data that happens to decode as UTF-8, not text: processing it throws, and
 * {@code rivulet.errors.processing} decides what happens to it.
 */
@ApplicationScoped
public class WordCountJob implements RivuletJob {

    public static final String INPUT = "text-lines";
    public static final String OUTPUT = "word-counts";

    @Override
    public void define(JobBuilder job) {
        job.fromSource(KafkaSource.values(INPUT, Serdes.string()))
                .<String>flatMap((line, out) -> {
                    if (line.indexOf('\0') >= 0) {
                        throw new IllegalArgumentException("a line holding a NUL character is not text");
                    }
                    for (String word : line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                        if (!word.isEmpty()) {
                            out.collect(word);
                        }
                    }
                })
                .keyBy(word -> word, Serdes.string(), Serdes.string())
                .process(new CountPerWord())
                .uid(CountPerWord.UID)
                .sinkTo(KafkaSink.keyValues(OUTPUT, Serdes.string(), Serdes.string()));
    }
}
