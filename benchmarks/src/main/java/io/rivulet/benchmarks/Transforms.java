package io.rivulet.benchmarks;

/** The per-record logic every contender runs, written once so that all of them do the same work. */
final class Transforms {

    private static final int Q2_AUCTION_MODULUS = 123;

    private Transforms() {}

    /** Nexmark q1: {@code auction,bidder,price} with the price converted from dollars to euros (x 0.908). */
    static String toEuros(String bid) {
        int lastComma = bid.lastIndexOf(',');
        long cents = Long.parseLong(bid, lastComma + 1, bid.length(), 10);
        return bid.substring(0, lastComma + 1) + (cents * 908 / 1000);
    }

    /** Nexmark q2's shape: keep the bids of some auctions (here the even ones, half of the input). */
    static boolean evenAuction(String bid) {
        return Integer.parseInt(bid, 0, bid.indexOf(','), 10) % 2 == 0;
    }

    /** Nexmark q0: the event as it is, so that the query measures the pipeline and nothing else. */
    static String passThrough(String event) {
        return event;
    }

    /** Nexmark q1 on a bid event: {@code auction,bidder,price} with the price in euros. */
    static String bidInEuros(String bid) {
        return toEuros(bid.substring(2, bid.lastIndexOf(',')));
    }

    /** Nexmark q2's filter: the bids on every 123rd auction. */
    static boolean q2Bid(String event) {
        return NexmarkEvents.isBid(event) && Long.parseLong(NexmarkEvents.auctionId(event)) % Q2_AUCTION_MODULUS == 0;
    }

    /** Nexmark q2's projection: {@code auction,price}. */
    static String auctionAndPrice(String bid) {
        return NexmarkEvents.auctionId(bid) + "," + NexmarkEvents.price(bid);
    }

    static String[] words(String line) {
        return line.split(" ");
    }
}
