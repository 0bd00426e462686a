package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.Serdes;
import io.rivulet.testing.KeyedProcessFunctionHarness;

class CountPerWordTest {

    @Test
    void countsEachWordOnItsOwn() throws Exception {
        try (var harness = KeyedProcessFunctionHarness.of(new CountPerWord(), Serdes.string())) {
            harness.processElement("to", "to", 0);
            harness.processElement("be", "be", 0);
            harness.processElement("to", "to", 0);
            assertThat(harness.output())
                    .containsExactly(KeyValue.of("to", "1"), KeyValue.of("be", "1"), KeyValue.of("to", "2"));
        }
    }
}
