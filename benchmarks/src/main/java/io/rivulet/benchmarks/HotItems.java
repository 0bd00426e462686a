package io.rivulet.benchmarks;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Nexmark q5's second stage, the same in both systems: of the bid counts per auction of one window, the highest
 * count and every auction that reached it. Counts arrive as {@code auction,count}; the result is
 * {@code count,auction auction …} with the auctions sorted, so that ties give one answer whatever the order of
 * arrival. {@link #NONE} is the result before any count.
 */
final class HotItems {

    static final String NONE = "";

    private HotItems() {}

    /** Adds one auction's count ({@code auction,count}) to the hottest so far. */
    static String add(String hottest, String auctionCount) {
        int comma = auctionCount.indexOf(',');
        return add(
                hottest,
                Long.parseLong(auctionCount, comma + 1, auctionCount.length(), 10),
                auctionCount.substring(0, comma));
    }

    /** Both results together, for merging accumulators. */
    static String merge(String a, String b) {
        if (b.isEmpty()) {
            return a;
        }
        int comma = b.indexOf(',');
        return add(a, Long.parseLong(b, 0, comma, 10), b.substring(comma + 1));
    }

    /** Adds auctions ({@code auctions} space-separated) that reached {@code count}. */
    private static String add(String hottest, long count, String auctions) {
        if (hottest.isEmpty()) {
            return count + "," + auctions;
        }
        int comma = hottest.indexOf(',');
        long max = Long.parseLong(hottest, 0, comma, 10);
        if (count < max) {
            return hottest;
        }
        if (count > max) {
            return count + "," + auctions;
        }
        TreeSet<String> tied =
                new TreeSet<>(Arrays.asList(hottest.substring(comma + 1).split(" ")));
        tied.addAll(Arrays.asList(auctions.split(" ")));
        return count + "," + String.join(" ", tied);
    }
}
