package io.rivulet.internal.runtime.node;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.rivulet.internal.runtime.state.StagedEffects;
import io.rivulet.sink.RecordOutput;

/** The records a task's sinks wrote for the current input record, sent to the thread's output once it is done. */
public final class OutputBuffer implements StagedEffects {

    private final RecordOutput output;
    private final List<ProducerRecord<byte[], byte[]>> staged = new ArrayList<>();

    public OutputBuffer(RecordOutput output) {
        this.output = output;
    }

    public void stage(ProducerRecord<byte[], byte[]> record) {
        staged.add(record);
    }

    @Override
    public void commitRecord() {
        for (int i = 0; i < staged.size(); i++) {
            output.send(staged.get(i));
        }
        staged.clear();
    }

    @Override
    public void discardRecord() {
        staged.clear();
    }
}
