package io.rivulet.api;

/**
 * CDI event fired once the job runs: its internal topics exist and its stream threads have started. Observe
 * it to act on the cluster the job uses, e.g. to feed sample input to the embedded default broker.
 */
public record RivuletStarted(String applicationId, String bootstrapServers) {}
