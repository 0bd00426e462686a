package io.rivulet.benchmarks;

import java.util.Random;

/**
 * The input every contender drains. Records are small CSV or text values without keys, generated from a fixed
 * seed so every run loads the same backlog.
 */
enum Workload {
    /** Nexmark q1 + q2 in one pipeline: convert a bid's price to euros, keep the bids of even auctions. */
    STATELESS("stateless", "map + filter (Nexmark q1 + q2 shape)"),
    /** Lines of three words over 100,000 distinct words: a running count per word, RocksDB state and changelog. */
    WORDCOUNT("wordcount", "word count, 100k distinct keys");

    static final int DISTINCT_WORDS = 100_000;

    private final String id;
    private final String description;

    Workload(String id, String description) {
        this.id = id;
        this.description = description;
    }

    String id() {
        return id;
    }

    String description() {
        return description;
    }

    String inputTopic() {
        return "bench-" + id + "-in";
    }

    /** The i-th input value for a generator seeded once per load. */
    String value(Random random) {
        return switch (this) {
            case STATELESS -> random.nextInt(10_000) + "," + random.nextInt(100_000) + "," + (100 + random.nextInt(100_000));
            case WORDCOUNT -> "w" + random.nextInt(DISTINCT_WORDS) + " w" + random.nextInt(DISTINCT_WORDS)
                    + " w" + random.nextInt(DISTINCT_WORDS);
        };
    }

    static Workload parse(String id) {
        for (Workload workload : values()) {
            if (workload.id.equals(id)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("no workload " + id);
    }
}
