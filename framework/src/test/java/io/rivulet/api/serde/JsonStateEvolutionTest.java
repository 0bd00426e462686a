package io.rivulet.api.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.testing.HarnessSnapshot;
import io.rivulet.testing.KeyedOperatorHarness;

/**
 * The evolution rules of JSON state, as an upgraded job meets the state an older version wrote: a field the new
 * type lacks is ignored, a field the old state lacks reads as Java's default (null, 0, false), and a field whose
 * JSON no longer fits its type fails with the type and the problem named.
 */
class JsonStateEvolutionTest {

    record AccountV1(String owner, long balance, String legacyCode) {}

    record AccountV2(String owner, long balance, String currency, int flags) {}

    record AccountV3(String owner, List<String> balance) {}

    /** Keeps the latest element of each key in value state and emits what the state held before. */
    static final class Latest<T> extends KeyedProcessFunction<String, T, String> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;
        private transient ValueState<T> latest;

        Latest(Class<T> type) {
            this.type = type;
        }

        @Override
        public void open(RuntimeContext context) {
            latest = context.getState(new ValueStateDescriptor<>("latest", Serdes.json(type)));
        }

        @Override
        public void processElement(T value, Context ctx, Collector<String> out) {
            out.collect(String.valueOf(latest.value()));
            latest.update(value);
        }
    }

    private static HarnessSnapshot writtenByVersion1() throws Exception {
        try (var v1 = KeyedOperatorHarness.of(
                AccountV1::owner,
                Serdes.string(),
                Serdes.json(AccountV1.class),
                keyed -> keyed.process(new Latest<>(AccountV1.class)).uid("accounts"))) {
            v1.processElement(new AccountV1("ann", 120, "X9"), 1);
            v1.commit();
            return v1.snapshot();
        }
    }

    @Test
    void removedFieldsAreIgnoredAndAddedOnesReadAsDefaults() throws Exception {
        HarnessSnapshot snapshot = writtenByVersion1();
        try (var v2 = KeyedOperatorHarness.of(
                AccountV2::owner,
                Serdes.string(),
                Serdes.json(AccountV2.class),
                keyed -> keyed.process(new Latest<>(AccountV2.class)).uid("accounts"))) {
            v2.restore(snapshot);
            v2.processElement(new AccountV2("ann", 80, "EUR", 1), 2);
            assertThat(v2.output()).containsExactly("AccountV2[owner=ann, balance=120, currency=null, flags=0]");
        }
    }

    @Test
    void aFieldWhoseTypeChangedIncompatiblyFailsNamingTheStateAndTheType() throws Exception {
        HarnessSnapshot snapshot = writtenByVersion1();
        try (var v3 = KeyedOperatorHarness.of(
                AccountV3::owner,
                Serdes.string(),
                Serdes.json(AccountV3.class),
                keyed -> keyed.process(new Latest<>(AccountV3.class)).uid("accounts"))) {
            v3.restore(snapshot);
            assertThatThrownBy(() -> v3.processElement(new AccountV3("ann", List.of()), 2))
                    .hasStackTraceContaining(
                            "state 'latest' of operator uid 'accounts' holds a value its serde cannot read")
                    .hasStackTraceContaining("not a JSON AccountV3");
        }
    }
}
