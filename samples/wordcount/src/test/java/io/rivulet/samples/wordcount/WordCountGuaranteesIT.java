package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * at_least_once and at_most_once run the same job without transactions. Without failures their output is
 * the same as exactly_once; what differs is a crash: at_least_once may repeat counts, at_most_once may lose
 * input (see the README).
 */
@WithKafkaCluster
class WordCountGuaranteesIT {

    @TempDir
    Path workDir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"at_least_once", "at_most_once"})
    void runsWithoutTransactions(String guarantee, KafkaCluster kafka) {
        WordCountFixture fixture = new WordCountFixture(kafka, 2);
        try (ServiceProcess service = new ServiceProcess(
                        kafka.bootstrapServers(),
                        workDir,
                        Map.of(
                                "RIVULET_APPLICATION_ID",
                                "wordcount-" + guarantee.replace('_', '-'),
                                "RIVULET_PROCESSING_GUARANTEE",
                                guarantee))
                .start()
                .awaitReady()) {
            fixture.produceLines(300);
            fixture.assertExactlyOnceCounts();
            assertThat(service.log()).contains(guarantee + ", commit interval");
            assertThat(service.stop()).isIn(0, 143);
        }
    }
}
