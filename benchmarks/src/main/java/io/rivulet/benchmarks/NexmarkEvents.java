package io.rivulet.benchmarks;

import java.util.Random;

/**
 * Nexmark's event stream in one topic, in its 1 : 3 : 46 mix of persons, auctions and bids, as CSV with the type
 * first: {@code P,person,ts}, {@code A,auction,seller,ts}, {@code B,auction,bidder,price,ts}. Persons and auctions
 * are numbered as they come. As in Nexmark's generator, an auction's seller is half of the time one of the 10
 * newest persons (so that new users sell soon after registering, what q8 looks for) and otherwise any person; a
 * bid goes to one of the 100 newest auctions, half of the time to one of the 10 newest (hot auctions), so that
 * most bids follow their auction within seconds; half of the bids come from 1 % of the bidders (hot bidders).
 * Event time advances 2 ms per event; one event in ten is up to 4 s late.
 */
final class NexmarkEvents {

    private static final int MIX = 50;
    private static final int PERSONS_PER_MIX = 1;
    private static final int AUCTIONS_PER_MIX = 3;
    private static final int NEW_PERSONS = 10;
    private static final int BIDDERS = 5_000;

    private NexmarkEvents() {}

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
            long newestPerson = round * PERSONS_PER_MIX + PERSONS_PER_MIX - 1;
            long seller = random.nextBoolean()
                    ? Math.max(0, newestPerson - random.nextInt(NEW_PERSONS))
                    : random.nextInt((int) (newestPerson + 1));
            return "A," + auction + "," + seller + "," + ts;
        }
        long newest = round * AUCTIONS_PER_MIX + AUCTIONS_PER_MIX - 1;
        int recent = random.nextBoolean() ? 10 : 100;
        long auction = Math.max(0, newest - random.nextInt(recent));
        int bidder = random.nextBoolean() ? random.nextInt(BIDDERS / 100) : random.nextInt(BIDDERS);
        return "B," + auction + "," + bidder + "," + (100 + random.nextInt(100_000)) + "," + ts;
    }

    static boolean isPerson(String event) {
        return event.charAt(0) == 'P';
    }

    static boolean isAuction(String event) {
        return event.charAt(0) == 'A';
    }

    static boolean isBid(String event) {
        return event.charAt(0) == 'B';
    }

    /** The auction a bid or an auction event is about. */
    static String auctionId(String event) {
        return field(event, 1);
    }

    /** The id of a person event. */
    static String personId(String person) {
        return field(person, 1);
    }

    /** The person who sells an auction. */
    static String seller(String auction) {
        return field(auction, 2);
    }

    static String bidder(String bid) {
        return field(bid, 2);
    }

    /** A bid's price in cents. */
    static long price(String bid) {
        int start = nthComma(bid, 3) + 1;
        return Long.parseLong(bid, start, bid.indexOf(',', start), 10);
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

    /** The {@code n}-th comma-separated field, counting the type as field 0; never the last (the time). */
    private static String field(String event, int n) {
        int start = nthComma(event, n) + 1;
        return event.substring(start, event.indexOf(',', start));
    }

    private static int nthComma(String event, int n) {
        int comma = -1;
        for (int i = 0; i < n; i++) {
            comma = event.indexOf(',', comma + 1);
        }
        return comma;
    }
}
