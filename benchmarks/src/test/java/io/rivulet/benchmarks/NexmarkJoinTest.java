package io.rivulet.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.rivulet.api.serde.Serdes;
import io.rivulet.testing.KeyedTwoInputOperatorHarness;

/** The interval-join workload's data and operator, without Kafka: every bid meets its auction once. */
class NexmarkJoinTest {

    @Test
    void everyBidWithinTenSecondsOfItsAuctionIsJoinedOnce() throws Exception {
        Random random = new Random(1);
        Map<String, Long> auctionTimes = new HashMap<>();
        Map<String, Long> bidCount = new HashMap<>();
        try (var harness = KeyedTwoInputOperatorHarness.<String, String, String, String>of(
                NexmarkEvents::auctionId,
                NexmarkEvents::auctionId,
                Serdes.string(),
                Serdes.string(),
                Serdes.string(),
                (bids, auctions) -> bids.intervalJoin(auctions)
                        .between(Duration.ofSeconds(-10), Duration.ofSeconds(10))
                        .process(new RivuletContender.JoinBids()))) {
            long expected = 0;
            long maxTime = Long.MIN_VALUE;
            for (int i = 0; i < 20_000; i++) {
                String event = NexmarkEvents.event(random, i);
                long ts = NexmarkEvents.time(event);
                if (NexmarkEvents.isAuction(event)) {
                    harness.processElement2(event, ts);
                    auctionTimes.put(NexmarkEvents.auctionId(event), ts);
                } else if (NexmarkEvents.isBid(event)) {
                    harness.processElement1(event, ts);
                    Long auction = auctionTimes.get(NexmarkEvents.auctionId(event));
                    expected += auction != null && Math.abs(auction - ts) <= 10_000 ? 1 : 0;
                    bidCount.merge(NexmarkEvents.auctionId(event), 1L, Long::sum);
                }
                maxTime = Math.max(maxTime, ts);
                harness.processWatermark(maxTime - NexmarkBids.OUT_OF_ORDERNESS_MS - 1);
            }
            assertThat(harness.output()).hasSize((int) expected);
        }
    }
}
