package io.rivulet.samples.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.SerdeException;
import io.rivulet.api.serde.Serdes;
import io.rivulet.testing.KeyedOperatorHarness;

/** The session windows of the job, driven by hand: clicks, watermarks, late clicks. */
class SessionsTest {

    private static final long MINUTE = 60_000;

    private static Click click(String user, long ts) {
        return Click.parse(
                ("{\"user\":\"" + user + "\",\"url\":\"/p\",\"ts\":" + ts + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static KeyedOperatorHarness<String, Click, KeyValue<String, UserSession>> sessions(Duration lateness)
            throws Exception {
        return KeyedOperatorHarness.of(
                Click::user,
                Serdes.string(),
                Click.SERDE,
                clicks -> ClickstreamSessionsJob.sessionsOf(clicks, Duration.ofMinutes(30), lateness));
    }

    @Test
    void aSessionEndsThirtyMinutesAfterItsLastClick() throws Exception {
        try (var harness = sessions(Duration.ZERO)) {
            harness.processElement(click("ann", 0), 0);
            harness.processElement(click("ann", 20 * MINUTE), 20 * MINUTE);
            harness.processElement(click("bob", 5 * MINUTE), 5 * MINUTE);
            harness.processElement(click("ann", 90 * MINUTE), 90 * MINUTE);
            harness.processWatermark(50 * MINUTE - 1);
            assertThat(harness.output())
                    .extracting(KeyValue::value)
                    .containsExactly(
                            new UserSession("bob", 5 * MINUTE, 35 * MINUTE, 1),
                            new UserSession("ann", 0, 50 * MINUTE, 2));
        }
    }

    @Test
    void lateClicksGoToTheSideOutputUnchangedOrUpdateTheirSessionWithinTheLateness() throws Exception {
        try (var harness = sessions(Duration.ofMinutes(10))) {
            harness.processElement(click("ann", 0), 0);
            harness.processWatermark(30 * MINUTE);
            Click withinLateness = click("ann", MINUTE);
            harness.processElement(withinLateness, MINUTE);
            harness.processWatermark(45 * MINUTE);
            Click tooLate = click("ann", 2 * MINUTE);
            harness.processElement(tooLate, 2 * MINUTE);
            assertThat(harness.output())
                    .extracting(KeyValue::value)
                    .containsExactly(
                            new UserSession("ann", 0, 30 * MINUTE, 1), new UserSession("ann", 0, 31 * MINUTE, 2));
            assertThat(harness.sideOutput(ClickstreamSessionsJob.LATE)).containsExactly(tooLate);
            assertThat(Click.SERDE.serialize(tooLate)).isEqualTo(tooLate.json());
        }
    }

    @Test
    void aClickWithoutUserOrTimestampIsRejectedNamingWhatIsMissing() {
        assertThatThrownBy(() -> Click.SERDE.deserialize("{\"url\":\"/\",\"ts\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerdeException.class)
                .hasMessageContaining("\"user\"");
        assertThatThrownBy(() -> Click.SERDE.deserialize("{\"user\":\"ann\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerdeException.class)
                .hasMessageContaining("\"ts\"");
    }
}
