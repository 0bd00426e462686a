package io.rivulet.internal.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.rivulet.internal.runtime.assignment.AssignmentSettings;
import io.rivulet.internal.runtime.savepoint.SavepointSettings;
import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.sink.ProcessingGuarantee;

/**
 * The validated settings of a running job.
 *
 * @param kafka client settings passed to every consumer, producer and admin client (bootstrap servers and
 *        security included)
 * @param groupInstanceId static membership id for the first stream thread; the others add {@code -<n>}
 * @param autoWatermarkInterval how often periodic watermark generators emit (Flink's auto-watermark interval)
 * @param savepoints the savepoint to start from and how savepoints are taken
 * @param advertisedUrl where this instance's HTTP endpoints answer, for the other instances of the group (which
 *        forward interactive queries to it); empty for a job without HTTP
 * @param assignment standby replicas, warm-ups and the recovery lag the group places tasks by
 * @param internalTopics the replication and configs of the topics the framework creates
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
        boolean createMissingTopics,
        Duration autoWatermarkInterval,
        SavepointSettings savepoints,
        Optional<String> advertisedUrl,
        AssignmentSettings assignment,
        InternalTopicSettings internalTopics) {

    /** Flink's default auto-watermark interval. */
    public static final Duration DEFAULT_WATERMARK_INTERVAL = Duration.ofMillis(200);

    /** Settings with the default replication of internal topics. */
    public RuntimeConfig(
            String applicationId,
            Map<String, Object> kafka,
            Path stateDir,
            ProcessingGuarantee guarantee,
            Duration commitInterval,
            int numThreads,
            ErrorPolicy deserializationErrors,
            ErrorPolicy processingErrors,
            Optional<String> groupInstanceId,
            boolean createMissingTopics,
            Duration autoWatermarkInterval,
            SavepointSettings savepoints,
            Optional<String> advertisedUrl,
            AssignmentSettings assignment) {
        this(
                applicationId,
                kafka,
                stateDir,
                guarantee,
                commitInterval,
                numThreads,
                deserializationErrors,
                processingErrors,
                groupInstanceId,
                createMissingTopics,
                autoWatermarkInterval,
                savepoints,
                advertisedUrl,
                assignment,
                InternalTopicSettings.DEFAULTS);
    }

    /** Settings with the default placement: no standby replicas. */
    public RuntimeConfig(
            String applicationId,
            Map<String, Object> kafka,
            Path stateDir,
            ProcessingGuarantee guarantee,
            Duration commitInterval,
            int numThreads,
            ErrorPolicy deserializationErrors,
            ErrorPolicy processingErrors,
            Optional<String> groupInstanceId,
            boolean createMissingTopics,
            Duration autoWatermarkInterval,
            SavepointSettings savepoints,
            Optional<String> advertisedUrl) {
        this(
                applicationId,
                kafka,
                stateDir,
                guarantee,
                commitInterval,
                numThreads,
                deserializationErrors,
                processingErrors,
                groupInstanceId,
                createMissingTopics,
                autoWatermarkInterval,
                savepoints,
                advertisedUrl,
                AssignmentSettings.DEFAULTS);
    }

    /** Settings without a savepoint to start from, of a job that serves no HTTP. */
    public RuntimeConfig(
            String applicationId,
            Map<String, Object> kafka,
            Path stateDir,
            ProcessingGuarantee guarantee,
            Duration commitInterval,
            int numThreads,
            ErrorPolicy deserializationErrors,
            ErrorPolicy processingErrors,
            Optional<String> groupInstanceId,
            boolean createMissingTopics,
            Duration autoWatermarkInterval) {
        this(
                applicationId,
                kafka,
                stateDir,
                guarantee,
                commitInterval,
                numThreads,
                deserializationErrors,
                processingErrors,
                groupInstanceId,
                createMissingTopics,
                autoWatermarkInterval,
                SavepointSettings.DEFAULTS,
                Optional.empty());
    }

    /** Settings with the default auto-watermark interval. */
    public RuntimeConfig(
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
        this(
                applicationId,
                kafka,
                stateDir,
                guarantee,
                commitInterval,
                numThreads,
                deserializationErrors,
                processingErrors,
                groupInstanceId,
                createMissingTopics,
                DEFAULT_WATERMARK_INTERVAL);
    }

    /** The same settings, advertising {@code url} unless a URL is set already. */
    public RuntimeConfig withDefaultAdvertisedUrl(String url) {
        return advertisedUrl.isPresent()
                ? this
                : new RuntimeConfig(
                        applicationId,
                        kafka,
                        stateDir,
                        guarantee,
                        commitInterval,
                        numThreads,
                        deserializationErrors,
                        processingErrors,
                        groupInstanceId,
                        createMissingTopics,
                        autoWatermarkInterval,
                        savepoints,
                        Optional.of(url),
                        assignment,
                        internalTopics);
    }

    /** The same settings, placing tasks by {@code settings}. */
    public RuntimeConfig withAssignment(AssignmentSettings settings) {
        return new RuntimeConfig(
                applicationId,
                kafka,
                stateDir,
                guarantee,
                commitInterval,
                numThreads,
                deserializationErrors,
                processingErrors,
                groupInstanceId,
                createMissingTopics,
                autoWatermarkInterval,
                savepoints,
                advertisedUrl,
                settings,
                internalTopics);
    }

    public boolean usesDeadLetters() {
        return deserializationErrors == ErrorPolicy.DEAD_LETTER || processingErrors == ErrorPolicy.DEAD_LETTER;
    }
}
