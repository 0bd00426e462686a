package io.rivulet.internal.runtime.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.rivulet.internal.runtime.state.TaskId;

class RecordRatesTest {

    private static final long SECOND = 1_000_000_000L;
    private static final TaskId TASK = new TaskId(0, 1);

    @Test
    void aRateSpansAtLeastAWindowSoCommitStepsDoNotShow() {
        RecordRates rates = new RecordRates();
        assertThat(rates.rate(TASK, 0, 0)).as("a first sample has no rate").isZero();
        assertThat(rates.rate(TASK, 500, SECOND / 5))
                .as("inside the window: the last rate")
                .isZero();
        assertThat(rates.rate(TASK, 2_000, 2 * SECOND)).isEqualTo(1_000.0);
        assertThat(rates.rate(TASK, 2_000, 2 * SECOND + SECOND / 2)).isEqualTo(1_000.0);
        assertThat(rates.rate(TASK, 2_000, 4 * SECOND))
                .as("nothing committed for two seconds")
                .isZero();
    }

    @Test
    void aTaskAssignedAgainStartsFromZeroInsteadOfShowingANegativeRate() {
        RecordRates rates = new RecordRates();
        rates.rate(TASK, 5_000, 0);
        assertThat(rates.rate(TASK, 100, 2 * SECOND)).isZero();
        assertThat(rates.rate(TASK, 300, 4 * SECOND)).isEqualTo(100.0);
        rates.retain(Set.of());
        assertThat(rates.rate(TASK, 900, 5 * SECOND))
                .as("forgotten: a first sample again")
                .isZero();
    }
}
