package io.rivulet.internal.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.rivulet.sink.ProcessingGuarantee;

/**
 * The validated settings of a running job.
 *
 * @param kafka client settings passed to every consumer, producer and admin client (bootstrap servers and
 *        security included)
 * @param groupInstanceId static membership id for the first stream thread; the others add {@code -<n>}
 */
public record RuntimeConfig(
        String applicationId,
        Map<String, Object> kafka,
        Path stateDir,
        ProcessingGuarantee guarantee,
        Duration commitInterval,
        int numThreads,
        ErrorPolicy deserializationErrors,
        ErrorPolicy processingErrors,
        Optional<String> groupInstanceId,
        boolean createMissingTopics) {

    public boolean usesDeadLetters() {
        return deserializationErrors == ErrorPolicy.DEAD_LETTER || processingErrors == ErrorPolicy.DEAD_LETTER;
    }
}
