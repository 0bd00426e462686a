package io.rivulet.internal.runtime.node;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

import io.rivulet.internal.graph.KeyByTransformation;
import io.rivulet.internal.operators.TwoInputElement;
import io.rivulet.internal.runtime.time.WatermarkMarkers;
import io.rivulet.sink.RecordOutput;

/**
 * Writes elements to a repartition topic, to the partition that Kafka's default partitioner would pick for
 * the key bytes, so that an input topic partitioned by the same key with the same count lines up.
 */
public final class RepartitionSinkNode extends ProcessorNode {

    private final KeyByTransformation keyBy;
    private final String topic;
    private final int partitions;
    private final int markerBase;
    private final boolean sendsMarkers;
    private final int taskPartition;
    private final OutputBuffer output;

    /**
     * @param markerBase the marker index of this sub-topology's task 0 among all tasks writing the topic
     * @param sendsMarkers false where only broadcast elements are written: those tasks do not take part in
     *        event time downstream
     * @param taskPartition the partition of the task this instance runs in
     */
    public RepartitionSinkNode(
            KeyByTransformation keyBy,
            String topic,
            int partitions,
            int markerBase,
            boolean sendsMarkers,
            int taskPartition,
            OutputBuffer output) {
        super(keyBy.name() + ":write");
        this.keyBy = keyBy;
        this.topic = topic;
        this.partitions = partitions;
        this.markerBase = markerBase;
        this.sendsMarkers = sendsMarkers;
        this.taskPartition = taskPartition;
        this.output = output;
    }

    /** Writes a watermark (or idle) marker of this task into every partition, straight to the thread's output. */
    public void sendMarkers(RecordOutput recordOutput, long watermark, boolean idle) {
        if (!sendsMarkers) {
            return;
        }
        int upstream = markerBase + taskPartition;
        for (int partition = 0; partition < partitions; partition++) {
            recordOutput.send(
                    idle
                            ? WatermarkMarkers.idle(topic, partition, upstream)
                            : WatermarkMarkers.watermark(topic, partition, upstream, watermark));
        }
    }

    @Override
    public void process(StreamRecord record) throws Exception {
        Object element = record.value();
        long timestamp = record.timestamp();
        if (keyBy.broadcastInput() != null && element instanceof TwoInputElement tagged && !tagged.isFirst()) {
            byte[] value = keyBy.valueSerde().serialize(element);
            for (int partition = 0; partition < partitions; partition++) {
                output.stage(new ProducerRecord<>(topic, partition, timestamp, null, value));
            }
            return;
        }
        if (keyBy.isForward()) {
            int partition = taskPartition % partitions;
            output.stage(new ProducerRecord<>(
                    topic, partition, timestamp, null, keyBy.valueSerde().serialize(element)));
            return;
        }
        Object key = keyBy.keySelector().getKey(element);
        if (key == null) {
            throw new IllegalArgumentException(keyBy.name() + " selected a null key for " + element);
        }
        byte[] keyBytes = keyBy.keySerde().serialize(key);
        int partition = Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
        output.stage(new ProducerRecord<>(
                topic, partition, timestamp, keyBytes, keyBy.valueSerde().serialize(element)));
    }
}
