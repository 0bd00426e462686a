package io.rivulet.internal.runtime.time;

import java.nio.ByteBuffer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Watermarks across a repartition topic: every upstream task writes a marker record (no key, no value, the
 * watermark and its own partition index in headers) into every partition it writes to, in its transaction;
 * a downstream task consumes markers instead of processing them and takes the minimum over all upstream
 * tasks. An upstream task whose inputs are all idle writes an idle marker, which takes it out of the minimum.
 */
public final class WatermarkMarkers {

    static final String WATERMARK_HEADER = "rivulet.watermark";
    static final String UPSTREAM_HEADER = "rivulet.watermark.upstream";
    private static final byte[] IDLE = new byte[0];

    private WatermarkMarkers() {}

    public static ProducerRecord<byte[], byte[]> watermark(String topic, int partition, int upstream, long watermark) {
        return marker(
                topic,
                partition,
                upstream,
                ByteBuffer.allocate(Long.BYTES).putLong(watermark).array());
    }

    public static ProducerRecord<byte[], byte[]> idle(String topic, int partition, int upstream) {
        return marker(topic, partition, upstream, IDLE);
    }

    private static ProducerRecord<byte[], byte[]> marker(String topic, int partition, int upstream, byte[] watermark) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(WATERMARK_HEADER, watermark);
        headers.add(
                UPSTREAM_HEADER,
                ByteBuffer.allocate(Integer.BYTES).putInt(upstream).array());
        return new ProducerRecord<>(topic, partition, null, null, null, headers);
    }

    /** If the record is a marker, applies it to the tracker and returns true; user records return false. */
    public static boolean apply(ConsumerRecord<byte[], byte[]> record, WatermarkTracker tracker) {
        Header watermark = record.headers().lastHeader(WATERMARK_HEADER);
        if (watermark == null) {
            return false;
        }
        int upstream = ByteBuffer.wrap(
                        record.headers().lastHeader(UPSTREAM_HEADER).value())
                .getInt();
        if (watermark.value().length == 0) {
            tracker.markIdle(upstream);
        } else {
            tracker.update(upstream, ByteBuffer.wrap(watermark.value()).getLong());
        }
        return true;
    }
}
