package io.rivulet.internal.runtime;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.sink.RecordOutput;

/**
 * Writes elements to a repartition topic, to the partition that Kafka's default partitioner would pick for
 * the key bytes, so that an input topic partitioned by the same key with the same count lines up.
 */
final class RepartitionSinkNode extends ProcessorNode {

    private final KeyByTransformation keyBy;
    private final String topic;
    private final int partitions;
    private final TaskContext context;

    RepartitionSinkNode(KeyByTransformation keyBy, String topic, int partitions, TaskContext context) {
        super(keyBy.name() + ":write");
        this.keyBy = keyBy;
        this.topic = topic;
        this.partitions = partitions;
        this.context = context;
    }

    /** Writes a watermark (or idle) marker of upstream task {@code upstream} into every partition. */
    void sendMarkers(RecordOutput output, int upstream, long watermark, boolean idle) {
        for (int partition = 0; partition < partitions; partition++) {
            output.send(idle ? WatermarkMarkers.idle(topic, partition, upstream)
                    : WatermarkMarkers.watermark(topic, partition, upstream, watermark));
        }
    }

    @Override
    void process(Object element) throws Exception {
        Object key = keyBy.keySelector().getKey(element);
        if (key == null) {
            throw new IllegalArgumentException(keyBy.name() + " selected a null key for " + element);
        }
        byte[] keyBytes = keyBy.keySerde().serialize(key);
        int partition = Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
        context.send(new ProducerRecord<>(topic, partition, context.timestamp(), keyBytes,
                keyBy.valueSerde().serialize(element)));
    }
}
