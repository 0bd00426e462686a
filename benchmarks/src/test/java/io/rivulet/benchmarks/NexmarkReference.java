package io.rivulet.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Nexmark queries computed in plain Java over a complete list of events, as results rendered like the
 * test reads them ({@code value}, or {@code key -> value}). The windowed queries see every event before the
 * cut-off and compute every window of them, as the streaming systems do once event time has passed them all.
 */
final class NexmarkReference {

    private static final long WINDOW = NexmarkQueries.WINDOW.toMillis();
    private static final long SLIDE = NexmarkQueries.SLIDE.toMillis();
    private static final long GAP = NexmarkQueries.SESSION_GAP.toMillis();

    private NexmarkReference() {}

    /** The results of {@code query}; windowed queries ignore the events at or after {@code cutOff}. */
    static List<String> results(Workload query, List<String> events, long cutOff) {
        List<String> windowed =
                events.stream().filter(e -> NexmarkEvents.time(e) < cutOff).toList();
        return switch (query) {
            case Q0 -> events;
            case Q1 ->
                events.stream()
                        .filter(NexmarkEvents::isBid)
                        .map(Transforms::bidInEuros)
                        .toList();
            case Q2 ->
                events.stream()
                        .filter(Transforms::q2Bid)
                        .map(Transforms::auctionAndPrice)
                        .toList();
            case Q5 -> hotItems(windowed);
            case Q7 -> highestBids(windowed);
            case Q8 -> newUsers(windowed);
            case Q11 -> sessions(windowed);
            default -> throw new IllegalArgumentException(query.id());
        };
    }

    private static List<String> hotItems(List<String> events) {
        Map<Long, Map<String, Long>> countsPerEnd = new TreeMap<>();
        for (String bid : bids(events)) {
            long ts = NexmarkEvents.time(bid);
            for (long start = ts - ts % SLIDE; start > ts - WINDOW; start -= SLIDE) {
                countsPerEnd
                        .computeIfAbsent(start + WINDOW, end -> new HashMap<>())
                        .merge(NexmarkEvents.auctionId(bid), 1L, Long::sum);
            }
        }
        List<String> results = new ArrayList<>();
        countsPerEnd.forEach((end, counts) -> {
            long max = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            TreeSet<String> hottest = new TreeSet<>();
            counts.forEach((auction, count) -> {
                if (count == max) {
                    hottest.add(auction);
                }
            });
            results.add(end + " -> " + max + "," + String.join(" ", hottest));
        });
        return results;
    }

    private static List<String> highestBids(List<String> events) {
        Map<Long, String> highest = new TreeMap<>();
        Comparator<String> byPriceThenText =
                Comparator.comparingLong(NexmarkEvents::price).thenComparing(Comparator.naturalOrder());
        for (String bid : bids(events)) {
            highest.merge(windowStart(bid), bid, (a, b) -> byPriceThenText.compare(a, b) >= 0 ? a : b);
        }
        List<String> results = new ArrayList<>();
        highest.forEach((start, bid) -> results.add(start + " -> " + bid));
        return results;
    }

    private static List<String> newUsers(List<String> events) {
        Map<String, List<String>> personsPerWindow = new HashMap<>();
        Map<String, List<String>> auctionsPerWindow = new HashMap<>();
        for (String event : events) {
            if (NexmarkEvents.isPerson(event)) {
                personsPerWindow
                        .computeIfAbsent(
                                NexmarkEvents.personId(event) + "@" + windowStart(event), k -> new ArrayList<>())
                        .add(NexmarkEvents.personId(event));
            } else if (NexmarkEvents.isAuction(event)) {
                auctionsPerWindow
                        .computeIfAbsent(NexmarkEvents.seller(event) + "@" + windowStart(event), k -> new ArrayList<>())
                        .add(NexmarkEvents.auctionId(event));
            }
        }
        List<String> results = new ArrayList<>();
        personsPerWindow.forEach((personWindow, persons) -> {
            String start = personWindow.substring(personWindow.indexOf('@') + 1);
            for (String person : persons) {
                for (String auction : auctionsPerWindow.getOrDefault(personWindow, List.of())) {
                    results.add(person + "," + auction + "," + start);
                }
            }
        });
        return results;
    }

    /** Sessions as both systems merge them: bids at most the gap apart belong to one session. */
    private static List<String> sessions(List<String> events) {
        Map<String, List<Long>> timesPerBidder = new HashMap<>();
        for (String bid : bids(events)) {
            timesPerBidder
                    .computeIfAbsent(NexmarkEvents.bidder(bid), k -> new ArrayList<>())
                    .add(NexmarkEvents.time(bid));
        }
        List<String> results = new ArrayList<>();
        timesPerBidder.forEach((bidder, times) -> {
            times.sort(null);
            long start = times.get(0);
            long last = start;
            long count = 0;
            for (long ts : times) {
                if (ts - last > GAP) {
                    results.add(bidder + "@" + start + " -> " + count);
                    start = ts;
                    count = 0;
                }
                last = ts;
                count++;
            }
            results.add(bidder + "@" + start + " -> " + count);
        });
        return results;
    }

    private static List<String> bids(List<String> events) {
        return events.stream().filter(NexmarkEvents::isBid).toList();
    }

    private static long windowStart(String event) {
        long ts = NexmarkEvents.time(event);
        return ts - Math.floorMod(ts, WINDOW);
    }
}
