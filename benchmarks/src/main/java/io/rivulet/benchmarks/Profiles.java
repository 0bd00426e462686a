package io.rivulet.benchmarks;

import java.util.Base64;
import java.util.Random;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;

/**
 * The large-state workload: {@code user,profile} with a 1,000-character profile of random bytes (so neither
 * RocksDB nor the broker can compress it away), one user per input record, so that 1M records build about
 * 1 GB of keyed state. Both contenders keep the latest profile per user and emit {@code user -> length}.
 */
final class Profiles {

    static final int PROFILE_BYTES = 750;

    private Profiles() {}

    static String profile(Random random, long index) {
        byte[] bytes = new byte[PROFILE_BYTES];
        random.nextBytes(bytes);
        return "u" + index + "," + Base64.getEncoder().encodeToString(bytes);
    }

    static String user(String profile) {
        return profile.substring(0, profile.indexOf(','));
    }

    /** What both contenders emit per update: the length of the profile now stored. */
    static String stored(String profile) {
        return String.valueOf(profile.length() - profile.indexOf(',') - 1);
    }

    /** Rivulet: the latest profile per user in value state. */
    static final class KeepLatest extends KeyedProcessFunction<String, String, KeyValue<String, String>> {
        private static final long serialVersionUID = 1L;

        private transient ValueState<String> latest;

        @Override
        public void open(RuntimeContext context) {
            latest = context.getState(new ValueStateDescriptor<>("profile", Serdes.string()));
        }

        @Override
        public void processElement(String profile, Context ctx, Collector<KeyValue<String, String>> out) {
            latest.update(profile);
            out.collect(KeyValue.of(ctx.getCurrentKey(), stored(profile)));
        }
    }
}
