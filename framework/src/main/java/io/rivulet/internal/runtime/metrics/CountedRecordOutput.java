package io.rivulet.internal.runtime.metrics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

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
 * records of an aborted transaction are never counted, their retry is, once.
 */
public final class CountedRecordOutput implements RecordOutput {

    private final RecordOutput output;
    private final RuntimeMetrics metrics;
    /** Per topic, records sent in the open transaction (a mutable cell: no boxing per record). */
    private final Map<String, long[]> sent = new HashMap<>();
    /** Per stage, dead letters sent in the open transaction. */
    private final Map<String, long[]> deadLetters = new HashMap<>();

    public CountedRecordOutput(RecordOutput output, RuntimeMetrics metrics) {
        this.output = output;
        this.metrics = metrics;
    }

    @Override
    public void send(ProducerRecord<byte[], byte[]> record) {
        output.send(record);
        sent.computeIfAbsent(record.topic(), topic -> new long[1])[0]++;
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
            if (!deadLetters.isEmpty()) {
                Map<String, Long> letters = new HashMap<>();
                deadLetters.forEach((stage, count) -> letters.put(stage, count[0]));
                metrics.deadLetters(letters);
            }
            return acknowledged;
        } finally {
            sent.clear();
            deadLetters.clear();
        }
    }

    @Override
    public void abort() {
        sent.clear();
        deadLetters.clear();
        output.abort();
    }

    @Override
    public void close(Duration timeout) {
        output.close(timeout);
    }
}
