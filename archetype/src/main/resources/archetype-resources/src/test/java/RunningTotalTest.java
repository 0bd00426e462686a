package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.Serdes;
import io.rivulet.testing.KeyedProcessFunctionHarness;

/** A unit test of the job's stateful function with the operator test harness: no broker, no service. */
class RunningTotalTest {

    @Test
    void keepsOneTotalPerCustomer() throws Exception {
        try (var harness = KeyedProcessFunctionHarness.of(new RunningTotal(), Serdes.string())) {
            assertThat(harness.processElement("alice", new Order("alice", 1000, 0), 1L))
                    .containsExactly(KeyValue.of("alice", "1000"));
            assertThat(harness.processElement("bob", new Order("bob", 250, 0), 2L))
                    .containsExactly(KeyValue.of("bob", "250"));
            assertThat(harness.processElement("alice", new Order("alice", 500, 0), 3L))
                    .containsExactly(KeyValue.of("alice", "1500"));
        }
    }

    @Test
    void aRestartResumesFromCommittedState() throws Exception {
        try (var harness = KeyedProcessFunctionHarness.of(new RunningTotal(), Serdes.string())) {
            harness.processElement("alice", new Order("alice", 1000, 0), 1L);
            harness.commit();
            harness.restart();
            assertThat(harness.processElement("alice", new Order("alice", 1, 0), 2L))
                    .containsExactly(KeyValue.of("alice", "1001"));
        }
    }
}
