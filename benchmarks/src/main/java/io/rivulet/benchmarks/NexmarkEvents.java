package io.rivulet.benchmarks;

import java.util.Random;

/**
 * Nexmark's event stream in one topic, in its 1 : 3 : 46 mix of persons, auctions and bids, as CSV with the type
 * first: {@code P,person,ts}, {@code A,auction,seller,ts}, {@code B,auction,bidder,price,ts}. Auctions are
 * numbered as they open; a bid goes to one of the 100 newest auctions, half of the time to one of the 10
 * newest (Nexmark's hot auctions), so that most bids follow their auction within seconds. Event time
 * advances 2 ms per event; one event in ten is up to 4 s late.
 */
final class NexmarkEvents {

    private static final int MIX = 50;
    private static final int PERSONS_PER_MIX = 1;
    private static final int AUCTIONS_PER_MIX = 3;

    private NexmarkEvents() {
    }

    static String event(Random random, long index) {
        long ts = NexmarkBids.BASE_TIME + index * 2;
        if (random.nextInt(10) == 0) {
            ts -= random.nextInt((int) NexmarkBids.OUT_OF_ORDERNESS_MS);
        }
        long round = index / MIX;
        int slot = (int) (index % MIX);
        if (slot < PERSONS_PER_MIX) {
            return "P," + (round * PERSONS_PER_MIX + slot) + "," + ts;
        }
        if (slot < PERSONS_PER_MIX + AUCTIONS_PER_MIX) {
            long auction = round * AUCTIONS_PER_MIX + slot - PERSONS_PER_MIX;
            return "A," + auction + "," + random.nextInt((int) (round + 1)) + "," + ts;
        }
        long newest = round * AUCTIONS_PER_MIX + AUCTIONS_PER_MIX - 1;
        int recent = random.nextBoolean() ? 10 : 100;
        long auction = Math.max(0, newest - random.nextInt(recent));
        return "B," + auction + "," + random.nextInt(5_000) + "," + (100 + random.nextInt(100_000)) + "," + ts;
    }

    static boolean isBid(String event) {
        return event.charAt(0) == 'B';
    }

    static boolean isAuction(String event) {
        return event.charAt(0) == 'A';
    }

    /** The auction a bid or an auction event is about. */
    static String auctionId(String event) {
        int start = event.indexOf(',') + 1;
        return event.substring(start, event.indexOf(',', start));
    }

    static long time(String event) {
        return Long.parseLong(event, event.lastIndexOf(',') + 1, event.length(), 10);
    }

    /** What a joined pair writes: {@code auction,bidder,price} of the bid and the auction's seller. */
    static String joined(String bid, String auction) {
        String[] b = bid.split(",");
        String[] a = auction.split(",");
        return b[1] + "," + b[2] + "," + b[3] + "," + a[2];
    }
}
