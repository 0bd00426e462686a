package io.rivulet.benchmarks;

import java.util.Random;

/**
 * Bids as Nexmark generates them, reduced to what the windowed workloads read: {@code auction,bidder,price,ts}.
 * Auctions and bidders are skewed (half of the bids go to 1 % of the auctions and of the bidders, Nexmark's
 * hot auctions and bidders); event time advances 2 ms per bid (500 bids per second of event time), and one
 * bid in ten is up to 4 s late, Nexmark's out-of-orderness.
 */
final class NexmarkBids {

    static final long BASE_TIME = 1_700_000_000_000L;
    static final long OUT_OF_ORDERNESS_MS = 4_000;
    private static final int AUCTIONS = 10_000;
    private static final int BIDDERS = 5_000;

    private NexmarkBids() {}

    static String bid(Random random, long index) {
        int auction = random.nextBoolean() ? random.nextInt(AUCTIONS / 100) : random.nextInt(AUCTIONS);
        int bidder = random.nextBoolean() ? random.nextInt(BIDDERS / 100) : random.nextInt(BIDDERS);
        long ts = BASE_TIME + index * 2;
        if (random.nextInt(10) == 0) {
            ts -= random.nextInt((int) OUT_OF_ORDERNESS_MS);
        }
        return auction + "," + bidder + "," + (100 + random.nextInt(100_000)) + "," + ts;
    }

    static String auction(String bid) {
        return bid.substring(0, bid.indexOf(','));
    }

    static String bidder(String bid) {
        int first = bid.indexOf(',');
        return bid.substring(first + 1, bid.indexOf(',', first + 1));
    }

    static long time(String bid) {
        return Long.parseLong(bid, bid.lastIndexOf(',') + 1, bid.length(), 10);
    }
}
