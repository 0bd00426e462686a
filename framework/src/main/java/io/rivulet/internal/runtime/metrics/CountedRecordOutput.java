package io.rivulet.internal.runtime.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import io.rivulet.sink.DeadLetters;
import io.rivulet.sink.OffsetCommitter;
import io.rivulet.sink.RecordOutput;

/**
 * A stream thread's output that counts what it writes, per topic, and reports the counts when they commit: the
 * records of an aborted transaction are never counted, their retry is, once. For records written to the job's
 * sinks it also measures the end-to-end latency: the commit's time minus the record's timestamp (the input
 * record's, through stateless operators).
 */
public final class CountedRecordOutput implements RecordOutput {

    private final RecordOutput output;
    private final RuntimeMetrics metrics;
    /** Per topic, records sent in the open transaction (a mutable cell: no boxing per record). */
    private final Map<String, long[]> sent = new HashMap<>();
    /** Per stage, dead letters sent in the open transaction. */
    private final Map<String, long[]> deadLetters = new HashMap<>();

    private final Set<String> sinkTopics;
    private final Clock clock;
    private long[] sinkTimestamps = new long[1024];
    private int sinkRecords;

    public CountedRecordOutput(RecordOutput output, RuntimeMetrics metrics) {
        this(output, metrics, Set.of(), Clock.systemUTC());
    }

    /** @param sinkTopics the topics of the job's sinks, whose records' end-to-end latency is measured */
    public CountedRecordOutput(RecordOutput output, RuntimeMetrics metrics, Set<String> sinkTopics, Clock clock) {
        this.output = output;
        this.metrics = metrics;
        this.sinkTopics = Set.copyOf(sinkTopics);
        this.clock = clock;
    }

    @Override
    public void send(ProducerRecord<byte[], byte[]> record) {
        output.send(record);
        sent.computeIfAbsent(record.topic(), topic -> new long[1])[0]++;
        if (record.timestamp() != null && sinkTopics.contains(record.topic())) {
            if (sinkRecords == sinkTimestamps.length) {
                sinkTimestamps = Arrays.copyOf(sinkTimestamps, sinkRecords * 2);
            }
            sinkTimestamps[sinkRecords++] = record.timestamp();
        }
        Header stage = record.headers().lastHeader(DeadLetters.HEADER_STAGE);
        if (stage != null) {
            deadLetters.computeIfAbsent(new String(stage.value(), StandardCharsets.UTF_8), s -> new long[1])[0]++;
        }
    }

    @Override
    public Map<TopicPartition, Long> commit(
            Map<TopicPartition, OffsetAndMetadata> offsets,
            ConsumerGroupMetadata groupMetadata,
            OffsetCommitter committer) {
        try {
            Map<TopicPartition, Long> acknowledged = output.commit(offsets, groupMetadata, committer);
            Map<String, Long> committed = new HashMap<>();
            sent.forEach((topic, count) -> committed.put(topic, count[0]));
            metrics.produced(committed);
            if (sinkRecords > 0) {
                metrics.endToEndLatencies(clock.millis(), sinkTimestamps, sinkRecords);
            }
            if (!deadLetters.isEmpty()) {
                Map<String, Long> letters = new HashMap<>();
                deadLetters.forEach((stage, count) -> letters.put(stage, count[0]));
                metrics.deadLetters(letters);
            }
            return acknowledged;
        } finally {
            sent.clear();
            deadLetters.clear();
            sinkRecords = 0;
        }
    }

    @Override
    public void abort() {
        sent.clear();
        deadLetters.clear();
        sinkRecords = 0;
        output.abort();
    }

    @Override
    public void close(Duration timeout) {
        output.close(timeout);
    }
}
