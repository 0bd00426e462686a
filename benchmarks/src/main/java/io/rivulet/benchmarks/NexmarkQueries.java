package io.rivulet.benchmarks;

import java.time.Duration;

/**
 * What the Nexmark queries q5, q7, q8 and q11 share between Rivulet and Kafka Streams: their windows and the
 * per-element logic, so that both systems compute the same thing with the same code.
 */
final class NexmarkQueries {

    /** q5's sliding windows, q7's and q8's tumbling windows. */
    static final Duration WINDOW = Duration.ofSeconds(10);
    /** How far q5's windows slide. */
    static final Duration SLIDE = Duration.ofSeconds(2);
    /** q11's session gap. */
    static final Duration SESSION_GAP = Duration.ofSeconds(10);
    /** Nexmark's out-of-orderness: Rivulet's watermark delay and Kafka Streams' grace period. */
    static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(NexmarkBids.OUT_OF_ORDERNESS_MS);

    private NexmarkQueries() {}

    /** The start of the tumbling window an event falls into. */
    static long windowStart(String event) {
        long ts = NexmarkEvents.time(event);
        return ts - ts % WINDOW.toMillis();
    }

    /**
     * q7's reduce: the bid with the higher price; between equal prices the greater CSV, so that the result
     * does not depend on the order in which the bids arrive.
     */
    static String higherBid(String a, String b) {
        int byPrice = Long.compare(NexmarkEvents.price(a), NexmarkEvents.price(b));
        return byPrice > 0 || (byPrice == 0 && a.compareTo(b) >= 0) ? a : b;
    }

    /** q8's output for a person and an auction they sell in the window they registered in: {@code person,auction,windowStart}. */
    static String newUser(String person, String auction) {
        return NexmarkEvents.personId(person) + "," + NexmarkEvents.auctionId(auction) + "," + windowStart(person);
    }
}
