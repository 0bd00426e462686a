package io.rivulet.benchmarks;

/** The per-record logic every contender runs, written once so that all of them do the same work. */
final class Transforms {

    private Transforms() {
    }

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

    static String[] words(String line) {
        return line.split(" ");
    }
}
