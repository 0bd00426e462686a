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
    WORDCOUNT("wordcount", "word count, 100k distinct keys"),
    /** Nexmark bids per auction in tumbling 10 s event-time windows, each window emitted once when complete. */
    TUMBLING_WINDOW("tumbling-window", "bids per auction, tumbling 10 s event-time windows (Nexmark q5 shape)"),
    /** Nexmark bids per bidder in event-time sessions with a 10 s gap, each session emitted once when complete. */
    SESSION_WINDOW("session-window", "bids per bidder, 10 s-gap event-time sessions (Nexmark q11)"),
    /** Nexmark events: bids joined with their auction when within 10 s of it, both shuffled by auction. */
    INTERVAL_JOIN("interval-join", "bids joined with their auction within ±10 s (Nexmark events, interval join)"),
    /** Nexmark q0: every event passed through unchanged. */
    Q0("q0", "Nexmark q0: pass-through"),
    /** Nexmark q1: the bids, prices converted to euros. */
    Q1("q1", "Nexmark q1: bids in euros (map)"),
    /** Nexmark q2: the bids on every 123rd auction, as auction and price. */
    Q2("q2", "Nexmark q2: bids on every 123rd auction (filter)"),
    /** Nexmark q5: per sliding window, the auctions with the most bids. */
    Q5("q5", "Nexmark q5: hot items, 10 s windows sliding by 2 s"),
    /** Nexmark q7: the highest bid per tumbling window. */
    Q7("q7", "Nexmark q7: highest bid per 10 s window"),
    /** Nexmark q8: persons who put up an auction in the tumbling window in which they registered. */
    Q8("q8", "Nexmark q8: new sellers, 10 s tumbling window join"),
    /** Nexmark q11: bids per bidder in event-time sessions. */
    Q11("q11", "Nexmark q11: bids per bidder session, 10 s gap"),
    /** A 1 KB profile per user, one user per record: the latest profile per user, ~1 GB of state for 1M records. */
    LARGE_STATE("large-state", "latest 1 KB profile per user, one user per record (~1 GB of state per 1M)");

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

    /** Whether the workload is a shape on event time (windows, joins); the Nexmark queries are not counted here. */
    boolean windowed() {
        return this == TUMBLING_WINDOW || this == SESSION_WINDOW || this == INTERVAL_JOIN;
    }

    /** Whether the workload is a Nexmark query, on {@link NexmarkEvents}. */
    boolean nexmarkQuery() {
        return switch (this) {
            case Q0, Q1, Q2, Q5, Q7, Q8, Q11 -> true;
            default -> false;
        };
    }

    /** Whether the workload keeps no state, so that the raw-client ceilings can run it. */
    boolean stateless() {
        return this == STATELESS || this == Q0 || this == Q1 || this == Q2;
    }

    /** The {@code index}-th input value for a generator seeded once per load. */
    String value(Random random, long index) {
        return switch (this) {
            case TUMBLING_WINDOW, SESSION_WINDOW -> NexmarkBids.bid(random, index);
            case INTERVAL_JOIN, Q0, Q1, Q2, Q5, Q7, Q8, Q11 -> NexmarkEvents.event(random, index);
            case STATELESS ->
                random.nextInt(10_000) + "," + random.nextInt(100_000) + "," + (100 + random.nextInt(100_000));
            case LARGE_STATE -> Profiles.profile(random, index);
            case WORDCOUNT ->
                "w" + random.nextInt(DISTINCT_WORDS) + " w" + random.nextInt(DISTINCT_WORDS) + " w"
                        + random.nextInt(DISTINCT_WORDS);
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
