package io.rivulet.internal.runtime.task;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.internal.graph.JobGraphs;
import io.rivulet.internal.graph.Topology;
import io.rivulet.internal.graph.TopologyCompiler;
import io.rivulet.sink.DeadLetters;
import io.rivulet.state.InMemoryStateBackend;

/** The real task of a keyed counting sub-topology, on the in-memory store and an in-memory record output. */
class TaskTest {

    private static final ConsumerGroupMetadata GROUP = new ConsumerGroupMetadata("count");

    /** Counts per word; a word "boom" throws after it updated the count. */
    static final class CountOrBoom extends KeyedProcessFunction<String, String, KeyValue<String, String>> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext context) {
            count = context.getState(new ValueStateDescriptor<>("count", Serdes.longs(), 0L));
        }

        @Override
        public void processElement(String word, Context ctx, Collector<KeyValue<String, String>> out) {
            count.update(count.value() + 1);
            out.collect(KeyValue.of(word, Long.toString(count.value())));
            if (word.equals("boom")) {
                throw new IllegalStateException("boom");
            }
        }
    }

    private final InMemoryStateBackend backend = new InMemoryStateBackend();
    private final InMemoryRecordOutput output = new InMemoryRecordOutput();
    private final Topology topology;
    private final TopicPartition input;
    private final Task task;

    TaskTest() throws Exception {
        JobBuilder job = new JobBuilder();
        job.fromSource(KafkaSource.values("words", Serdes.string()))
                .keyBy(word -> word, Serdes.string(), Serdes.string())
                .process(new CountOrBoom())
                .uid("count")
                .sinkTo(KafkaSink.keyValues("counts", Serdes.string(), Serdes.string()));
        topology = TopologyCompiler.compile("count", JobGraphs.of(job));
        String repartition = topology.subTopology(1).sourceTopic();
        input = new TopicPartition(repartition, 0);
        TaskFactory factory = new TaskFactory(
                topology,
                Map.of("words", 1, repartition, 1),
                backend,
                new RecordErrorHandler(ErrorPolicy.FAIL, ErrorPolicy.SKIP, DeadLetters.topicFor("count")),
                InstantSource.system());
        task = factory.create(input, output);
        task.initialize(0, null);
        task.restored();
    }

    @AfterEach
    void close() {
        task.close(false);
        backend.close();
    }

    private void feed(long offset, String word) {
        byte[] bytes = word.getBytes(UTF_8);
        task.addRecords(List.of(new ConsumerRecord<>(
                input.topic(),
                0,
                offset,
                1_000 + offset,
                TimestampType.CREATE_TIME,
                bytes.length,
                bytes.length,
                bytes,
                bytes,
                new RecordHeaders(),
                Optional.empty())));
        task.processNext();
    }

    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = task.prepareCommit();
        task.completeCommit(output.commit(offsets, GROUP, committed -> {}));
    }

    private List<String> committedCounts() {
        return output.committed().stream()
                .filter(record -> record.topic().equals("counts"))
                .map(record -> new String(record.key(), UTF_8) + "=" + new String(record.value(), UTF_8))
                .toList();
    }

    @Test
    void outputStateAndOffsetsCommitTogether() {
        feed(0, "to");
        feed(1, "be");
        feed(2, "to");
        assertThat(task.needsCommit()).isTrue();
        commit();
        assertThat(committedCounts()).containsExactly("to=1", "be=1", "to=2");
        assertThat(output.committedOffsets())
                .last()
                .extracting(offsets -> offsets.get(input).offset())
                .isEqualTo(3L);
        assertThat(output.committed())
                .filteredOn(record -> record.topic()
                        .equals(topology.changelogTopic(
                                topology.subTopology(1).statefulNodes().get(0))))
                .hasSize(2);
        assertThat(task.stateManager().committedOffset(new TopicPartition("count-count-changelog", 0)))
                .isEqualTo(2);
        assertThat(task.needsCommit()).isFalse();
    }

    @Test
    void aRecordThatThrowsLeavesNoOutputAndNoStateButIsConsumed() {
        feed(0, "boom");
        feed(1, "boom");
        commit();
        assertThat(committedCounts()).as("skipped twice, the count never moved").isEmpty();
        assertThat(output.committedOffsets())
                .last()
                .extracting(offsets -> offsets.get(input).offset())
                .isEqualTo(2L);
    }

    @Test
    void aRewindDropsWhatWasNotCommittedAndReturnsTheCommittedOffset() {
        feed(0, "to");
        commit();
        feed(1, "to");
        output.abort();
        assertThat(task.rewind()).isEqualTo(1);
        feed(1, "to");
        commit();
        assertThat(committedCounts()).containsExactly("to=1", "to=2");
    }
}
